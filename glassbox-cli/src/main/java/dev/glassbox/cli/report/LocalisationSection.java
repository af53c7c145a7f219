package dev.glassbox.cli.report;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.RandomAttribution;
import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.metrics.BoundingBox;
import dev.glassbox.core.math.Planes;
import dev.glassbox.core.metrics.Localisation;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.render.HtmlReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The localisation check of {@code glassbox sanity --localisation}: each method's maps against one bounding box per
 * input (or one box for every input) by the pointing game, the energy-based pointing game and the IoU of the top 10%
 * pixels, beside a random map. Maps without positive attribution are left out of the energy mean (and counted in
 * {@code energyInputs}).
 */
public final class LocalisationSection {
    /** The share of pixels whose IoU with the box is reported. */
    public static final double TOP_PERCENT = 10;

    private LocalisationSection() {
    }

    /**
     * Mean localisation scores of maps against their boxes: the pointing game's hit rate, the mean energy in the box
     * over the maps with positive attribution ({@code energyInputs} of them; NaN when none) and the mean top-10% IoU.
     */
    public record Means(double pointingGame, double energy, int energyInputs, double topIou) {
        static Means of(List<Attribution> maps, List<BoundingBox> boxes, double tolerance) {
            double hits = 0;
            double energy = 0;
            double iou = 0;
            int energies = 0;
            for (int i = 0; i < maps.size(); i++) {
                Attribution map = maps.get(i);
                Shape shape = map.grouping().inputShape();
                double[] plane = Planes.plane(map.inputValues(), shape);
                int[] hw = Planes.heightWidth(shape);
                BoundingBox box = boxes.get(i);
                hits += Localisation.pointingGame(plane, hw[0], hw[1], box, tolerance) ? 1 : 0;
                if (java.util.Arrays.stream(plane).anyMatch(v -> v > 0)) {
                    energy += Localisation.energy(plane, hw[0], hw[1], box);
                    energies++;
                }
                iou += Localisation.topIou(plane, hw[0], hw[1], box, TOP_PERCENT);
            }
            return new Means(hits / maps.size(), energies == 0 ? Double.NaN : energy / energies, energies,
                    iou / maps.size());
        }
    }

    /** Boxes separated by {@code ;}: one per input, or one for all of them. */
    public static List<BoundingBox> parse(String spec, int inputs, Shape shape) {
        List<BoundingBox> boxes = new ArrayList<>();
        int[] hw = Planes.heightWidth(shape);
        for (String part : spec.split(";")) {
            BoundingBox box = BoundingBox.parse(part);
            box.requireInside(hw[0], hw[1]);
            boxes.add(box);
        }
        if (boxes.size() == 1) {
            return java.util.Collections.nCopies(inputs, boxes.get(0));
        }
        if (boxes.size() != inputs) {
            throw new InvalidInputException("--localisation gives " + boxes.size() + " boxes for " + inputs
                    + " inputs: give one box row,col,height,width per input, separated by ';', or one for all");
        }
        return boxes;
    }

    /** Adds the section and returns its numbers per method. */
    public static Map<String, Object> write(List<BoundingBox> boxes, double tolerance, Model model,
            Map<String, Explainer> explainers, float[][] rows, int[] targets, long seed, HtmlReport report) {
        Map<String, Explainer> all = new LinkedHashMap<>(explainers);
        all.put(FaithfulnessCheck.RANDOM, new RandomAttribution(model, seed));
        Map<String, Object> json = new LinkedHashMap<>();
        List<HtmlReport.Row> table = new ArrayList<>();
        all.forEach((method, explainer) -> {
            Means means = Means.of(explainer.explain(rows, targets), boxes, tolerance);
            double hits = means.pointingGame();
            int energies = means.energyInputs();
            double energy = means.energy();
            double iou = means.topIou();
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("pointingGame", hits);
            numbers.put("energy", energies == 0 ? null : energy);
            numbers.put("energyInputs", energies);
            numbers.put("topIou", iou);
            json.put(method, numbers);
            table.add(new HtmlReport.Row(List.of(new HtmlReport.Text(method),
                    new HtmlReport.Number(String.format(Locale.ROOT, "%.0f%%", 100 * hits)),
                    new HtmlReport.Number(energies == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * energy)),
                    new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", iou))),
                    method.equals(FaithfulnessCheck.RANDOM)));
        });
        report.section("Localisation");
        report.paragraph(String.format(Locale.ROOT, "Each map against its input's bounding box: the pointing game (hit "
                + "when the map's maximum lies within %.1f pixels of the box), the energy-based pointing game (share "
                + "of positive attribution inside the box) and the IoU of the top %.0f%% pixels with the box, over "
                + "%d input(s).", tolerance, TOP_PERCENT, rows.length));
        report.table(List.of("method", "pointing game", "energy in box", "top-10% IoU"), table);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("boxes", boxes);
        out.put("tolerance", tolerance);
        out.put("topPercent", TOP_PERCENT);
        out.put("methods", json);
        return out;
    }
}
