package dev.glassbox.cli.report;

import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.inspect.TrainingInfluence;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The influence of training data as a report part: per explained input, its picture, then its proponents (green
 * frames) and opponents (red frames) with the predicted change of the prediction's loss if each were removed, and the
 * most self-influential training examples (candidates for mislabelling). It returns the same numbers for the JSON and
 * the strip pictures for the PNG files; the "Inside the model" demo section can include it as it is.
 */
public final class InfluenceSection {
    private static final int SCALE = 2;
    private static final int FRAME = 3;
    private static final Color PROPONENT = new Color(0x1a9850);
    private static final Color OPPONENT = new Color(0xd73027);
    private static final Color NEUTRAL = new Color(0x777777);

    /** The JSON numbers and one PNG strip per input, in input order, then the self-influence strip. */
    public record Written(Map<String, Object> json, List<byte[]> strips) {
    }

    private InfluenceSection() {
    }

    /** Adds the section to {@code report}; {@code train} holds the training images the indices refer to. */
    public static Written write(TrainingInfluence.Result result, List<Sample> inputs, LabelledImages train,
            List<String> classNames, HtmlReport report) {
        report.section("Influence of training data");
        report.paragraph(String.format(Locale.ROOT, "Influence functions (Koh & Liang 2017) on the layers after %s: "
                + "%s head with %d parameters fitted to %d training examples (L2 %.3g, final gradient %.1e; it gives "
                + "the model's predicted classes a mean probability of %.3f), Hessian %s with damping %.3g. Effect: "
                + "the predicted change of the prediction's loss if that training example were removed — positive for "
                + "proponents (green), negative for opponents (red).", result.layer(),
                result.head().name().toLowerCase(Locale.ROOT), result.parameterCount(), result.trainCount(),
                result.l2(), result.fitGradient(), result.agreement(), result.solver() == TrainingInfluence.Solver.EXACT
                        ? "factored exactly" : "inverted by conjugate gradients", result.damping()));
        List<HtmlReport.Row> rows = new ArrayList<>();
        List<Map<String, Object>> predictions = new ArrayList<>();
        List<byte[]> strips = new ArrayList<>();
        for (int t = 0; t < inputs.size(); t++) {
            TrainingInfluence.Prediction p = result.predictions().get(t);
            Sample input = inputs.get(t);
            byte[] strip = strip(input.values(), input.shape(), train, p.proponents(), p.opponents());
            strips.add(strip);
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(input.name()),
                    new HtmlReport.Text(classNames.get(p.predicted())),
                    new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", p.loss())),
                    new HtmlReport.Picture(strip, "proponents and opponents of " + input.name(), 60 * (1
                            + p.proponents().length + p.opponents().length)),
                    new HtmlReport.Text(describe(p.proponentEffects(), p.proponents(), train, classNames) + " | "
                            + describe(p.opponentEffects(), p.opponents(), train, classNames))), false));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", input.name());
            entry.put("predicted", classNames.get(p.predicted()));
            entry.put("loss", p.loss());
            entry.put("proponents", examples(p.proponents(), p.proponentEffects(), train, classNames, "effect"));
            entry.put("opponents", examples(p.opponents(), p.opponentEffects(), train, classNames, "effect"));
            predictions.add(entry);
        }
        report.table(List.of("input", "predicted", "loss", "input | proponents | opponents",
                "effects (training index: label, effect)"), rows);
        double[] self = result.selfInfluence();
        int[] most = result.mostSelfInfluential();
        byte[] selfStrip = strip(null, null, train, most, new int[0]);
        strips.add(selfStrip);
        report.paragraph("The most self-influential training examples (the head bends most to fit them: check their "
                + "labels first): " + describe(pick(self, most), most, train, classNames));
        report.figure(selfStrip, "most self-influential training examples", 60 * Math.max(1, most.length));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("layer", result.layer());
        json.put("head", result.head().name().toLowerCase(Locale.ROOT));
        json.put("solver", result.solver().name().toLowerCase(Locale.ROOT));
        json.put("l2", result.l2());
        json.put("damping", result.damping());
        json.put("trainingExamples", result.trainCount());
        json.put("parameters", result.parameterCount());
        json.put("fitGradient", result.fitGradient());
        json.put("meanProbabilityOfPredictedClass", result.agreement());
        json.put("predictions", predictions);
        json.put("mostSelfInfluential", examples(most, pick(self, most), train, classNames, "selfInfluence"));
        json.put("selfInfluence", self);
        return new Written(json, strips);
    }

    private static List<Map<String, Object>> examples(int[] indices, double[] values, LabelledImages train,
            List<String> classNames, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < indices.length; k++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("trainingIndex", indices[k]);
            e.put("label", classNames.get(train.label(indices[k])));
            e.put(key, values[k]);
            out.add(e);
        }
        return out;
    }

    private static String describe(double[] values, int[] indices, LabelledImages train, List<String> classNames) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < indices.length; k++) {
            parts.add(String.format(Locale.ROOT, "#%d: %s, %+.2e", indices[k], classNames.get(train.label(indices[k])),
                    values[k]));
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }

    /** The input (if any) in a grey frame, then the proponents in green frames and the opponents in red. */
    private static byte[] strip(float[] input, dev.glassbox.core.model.Shape shape, LabelledImages train,
            int[] proponents, int[] opponents) {
        List<BufferedImage> tiles = new ArrayList<>();
        List<Color> frames = new ArrayList<>();
        if (input != null) {
            tiles.add(ImageWriter.toImage(input, shape));
            frames.add(NEUTRAL);
        }
        for (int i : proponents) {
            tiles.add(ImageWriter.toImage(train.image(i), train.shape()));
            frames.add(PROPONENT);
        }
        for (int i : opponents) {
            tiles.add(ImageWriter.toImage(train.image(i), train.shape()));
            frames.add(OPPONENT);
        }
        int cell = tiles.stream().mapToInt(im -> Math.max(im.getWidth(), im.getHeight())).max().orElse(1) * SCALE
                + 2 * FRAME;
        BufferedImage out = new BufferedImage(Math.max(1, tiles.size()) * cell, cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int k = 0; k < tiles.size(); k++) {
            g.setColor(frames.get(k));
            g.fillRect(k * cell, 0, cell, cell);
            BufferedImage tile = tiles.get(k);
            Image scaled = tile.getScaledInstance(tile.getWidth() * SCALE, tile.getHeight() * SCALE, Image.SCALE_FAST);
            g.drawImage(scaled, k * cell + FRAME, FRAME, null);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
