package dev.glassbox.cli.report;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.BoundingBox;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spurious-cue check: a bright patch is planted into every input, and for each method the share of |attribution|
 * that lands on the patch is reported for the model and, beside it, for a reference model of the same kind trained
 * without the cue. A model that learnt "patch ⇒ class" should draw its maps onto the patch; a clean model should
 * not. The share of inputs whose predicted class the patch changes says how much each model relies on it.
 */
public final class PatchSection {
    private static final int CELL = 64;

    private PatchSection() {
    }

    /** One model under test: a name, the model and its explainers (keyed by method). */
    public record Subject(String name, Model model, Map<String, Explainer> explainers) {
    }

    /**
     * Adds the section for the subjects (the model first, then any reference), with {@code context} saying what they
     * are, and returns the JSON numbers.
     */
    public static Map<String, Object> write(Patch patch, List<Subject> subjects, String context, List<Sample> samples,
            Target target, long seed, HtmlReport report) {
        float[][] clean = InputArguments.rows(samples);
        float[][] patched = new float[clean.length][];
        for (int i = 0; i < clean.length; i++) {
            patched[i] = patch.plant(clean[i], samples.get(i).shape());
        }
        double area = patch.areaShare(samples.get(0).shape());
        report.section("Spurious cue: a planted patch");
        report.paragraph(String.format(Locale.ROOT, "A %d×%d patch of brightness %.2f at row %d, column %d is planted "
                + "into each of %d input(s); the table gives the mean share of each map's |attribution| that lands "
                + "on it (%.1f%% of the image: the share of a map spread evenly). A model that reads the patch should "
                + "show it; one that does not should not. The pointing game counts the maps whose maximum lies on the "
                + "patch; the energy is the share of positive attribution on it (Localisation). %s", patch.size(), patch.size(), patch.value(), patch.top(),
                patch.left(), clean.length, 100 * area, context));
        List<String> headers = new ArrayList<>(List.of("method"));
        subjects.forEach(s -> headers.add(s.name()));
        subjects.forEach(s -> headers.add("pointing game, " + s.name()));
        subjects.forEach(s -> headers.add("energy on the patch, " + s.name()));
        subjects.forEach(s -> headers.add(s.name() + ", first input"));
        List<BoundingBox> boxes = java.util.Collections.nCopies(clean.length,
                new BoundingBox(patch.top(), patch.left(), patch.size(), patch.size()));
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        Map<String, Map<String, Double>> pointing = new LinkedHashMap<>();
        Map<String, Map<String, Double>> energies = new LinkedHashMap<>();
        Map<String, List<Attribution>> firstMaps = new LinkedHashMap<>();
        Map<String, Double> changed = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            changed.put(subject.name(), changedShare(subject.model(), clean, patched));
            Map<String, Explainer> explainers = new LinkedHashMap<>(subject.explainers());
            explainers.put(FaithfulnessCheck.RANDOM, new RandomAttribution(subject.model(), seed));
            explainers.forEach((method, explainer) -> {
                List<Attribution> maps = explainer.explain(patched, target);
                double share = maps.stream().mapToDouble(patch::massShare).average().orElseThrow();
                shares.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(subject.name(), share);
                LocalisationSection.Means means = LocalisationSection.Means.of(maps, boxes, 0);
                pointing.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(subject.name(), means.pointingGame());
                energies.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(subject.name(),
                        Double.isNaN(means.energy()) ? null : means.energy());
                firstMaps.computeIfAbsent(method, k -> new ArrayList<>()).add(maps.get(0));
            });
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        shares.forEach((method, bySubject) -> {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(method)));
            bySubject.values().forEach(v -> cells.add(percent(v, "%.1f%%")));
            pointing.get(method).values().forEach(v -> cells.add(percent(v, "%.0f%%")));
            energies.get(method).values().forEach(v -> cells.add(percent(v, "%.1f%%")));
            firstMaps.get(method).forEach(a -> cells.add(new HtmlReport.Picture(AttributionWriter.thumbnail(a), method,
                    CELL)));
            rows.add(new HtmlReport.Row(cells, method.equals(FaithfulnessCheck.RANDOM)));
        });
        report.table(headers, rows);
        report.table(List.of("the first input with the patch"), List.of(new HtmlReport.Row(List.of(
                AttributionGrid.picture(new Sample("patched", samples.get(0).shape(), patched[0]), 2 * CELL)), false)));
        StringBuilder reliance = new StringBuilder("Inputs whose predicted class the patch changes: ");
        changed.forEach((name, share) -> reliance.append(String.format(Locale.ROOT, "%s %.0f%%; ", name,
                100 * share)));
        report.paragraph(reliance.substring(0, reliance.length() - 2) + ".");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("patch", patch);
        json.put("areaShare", area);
        json.put("massShare", shares);
        json.put("pointingGame", pointing);
        json.put("energyOnPatch", energies);
        json.put("predictionChangedByPatch", changed);
        return json;
    }

    /** A share as a percentage, or a dash when it is undefined (no positive attribution). */
    private static HtmlReport.Number percent(Double share, String format) {
        return new HtmlReport.Number(share == null ? "–" : String.format(Locale.ROOT, format, 100 * share));
    }

    private static double changedShare(Model model, float[][] clean, float[][] patched) {
        float[][] before = model.predict(clean);
        float[][] after = model.predict(patched);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += Vectors.argmax(before[i]) != Vectors.argmax(after[i]) ? 1 : 0;
        }
        return changed / (double) before.length;
    }
}
