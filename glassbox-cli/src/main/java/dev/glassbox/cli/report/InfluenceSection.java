package dev.glassbox.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glassbox.cli.command.OutputStems;
import dev.glassbox.cli.command.TrainingImages;
import dev.glassbox.core.input.ImageWriter;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The influence of training data as a report part, drawn from a run's folder: per explained input, its picture, then
 * its proponents (green frames) and opponents (red frames) with each one's effect on the prediction's loss, and the
 * most self-influential training examples (candidates for mislabelling). {@link #write} puts the strip pictures in
 * the folder and returns the JSON; {@link #render} draws the part from both, for {@code glassbox inspect influence} and
 * the demo's "Inside the model" section.
 */
public final class InfluenceSection {
    /** The run's JSON file. */
    public static final String JSON = "influence.json";
    private static final String SELF_PICTURE = "self-influence.png";
    private static final int SCALE = 2;
    private static final int FRAME = 3;
    private static final Color PROPONENT = new Color(0x1a9850);
    private static final Color OPPONENT = new Color(0xd73027);
    private static final Color NEUTRAL = new Color(0x777777);

    private InfluenceSection() {
    }

    /**
     * Writes one PNG strip per input ({@code <input>-influence.png}) and the self-influence strip into {@code dir}, and
     * returns the run's JSON; {@code train} holds the training images the indices refer to.
     */
    public static Map<String, Object> write(TrainingInfluence.Result result, List<Sample> inputs, TrainingImages train,
            List<String> classNames, Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("layer", result.layer());
        json.put("head", result.head().name().toLowerCase(Locale.ROOT));
        json.put("method", result.method().name().toLowerCase(Locale.ROOT));
        TrainingInfluence.RetrainingEstimate retraining = null;
        if (result.estimate() instanceof TrainingInfluence.InfluenceEstimate e) {
            putSolver(json, e);
        } else if (result.estimate() instanceof TrainingInfluence.TracInEstimate e) {
            json.put("checkpoints", e.checkpoints());
            json.put("descentSteps", e.steps());
            json.put("firstStep", e.firstStep());
            json.put("lastStep", e.lastStep());
        } else if (result.estimate() instanceof TrainingInfluence.RetrainingEstimate e) {
            json.put("retrainings", e.retrainings());
            putSolver(json, e.influence());
            retraining = e;
        }
        json.put("l2", result.l2());
        json.put("damping", result.damping());
        json.put("trainingExamples", result.trainCount());
        json.put("parameters", result.parameterCount());
        json.put("fitGradient", result.fitGradient());
        json.put("meanProbabilityOfPredictedClass", result.agreement());
        List<Map<String, Object>> predictions = new ArrayList<>();
        OutputStems stems = new OutputStems();
        for (int t = 0; t < inputs.size(); t++) {
            TrainingInfluence.Prediction p = result.predictions().get(t);
            Sample input = inputs.get(t);
            String picture = stems.next(input.name()) + "-influence.png";
            Files.write(dir.resolve(picture), strip(input.values(), input.shape(), train, p.proponents(),
                    p.opponents()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", input.name());
            entry.put("picture", picture);
            entry.put("predicted", classNames.get(p.predicted()));
            entry.put("loss", p.loss());
            if (retraining != null) {
                entry.put("influenceCorrelation", retraining.influenceCorrelation()[t]);
                entry.put("influenceSlope", retraining.influenceSlope()[t]);
                if (retraining.newtonStepCorrelation().length > 0) {
                    entry.put("newtonStepCorrelation", retraining.newtonStepCorrelation()[t]);
                    entry.put("newtonStepSlope", retraining.newtonStepSlope()[t]);
                }
            }
            entry.put("proponents", examples(p.proponents(), p.proponentEffects(), train, classNames, "effect"));
            entry.put("opponents", examples(p.opponents(), p.opponentEffects(), train, classNames, "effect"));
            predictions.add(entry);
        }
        json.put("predictions", predictions);
        double[] self = result.selfInfluence();
        int[] most = result.mostSelfInfluential();
        Files.write(dir.resolve(SELF_PICTURE), strip(null, null, train, most, new int[0]));
        json.put("selfInfluencePicture", SELF_PICTURE);
        json.put("mostSelfInfluential", examples(most, pick(self, most), train, classNames, "selfInfluence"));
        json.put("selfInfluence", self);
        return json;
    }

    private static void putSolver(Map<String, Object> json, TrainingInfluence.InfluenceEstimate e) {
        json.put("solver", e.solver().name().toLowerCase(Locale.ROOT));
        json.put("inverseResidual", e.residual());
    }

    /** Draws a run read back from its folder: what the effects are, a row per input, the self-influence strip. */
    public static void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading) {
        heading.accept("Influence of training data");
        String method = json.get("method").getAsString();
        String fitted = String.format(Locale.ROOT, "%s head with %d parameters fitted to %d training examples (L2 "
                + "%.3g, final gradient %.1e; it gives the model's predicted classes a mean probability of %.3f)",
                json.get("head").getAsString(), json.get("parameters").getAsInt(),
                json.get("trainingExamples").getAsInt(), json.get("l2").getAsDouble(),
                json.get("fitGradient").getAsDouble(), json.get("meanProbabilityOfPredictedClass").getAsDouble());
        String layer = json.get("layer").getAsString();
        String self;
        switch (method) {
            case "tracin" -> {
                report.paragraph(String.format(Locale.ROOT, "TracIn (Pruthi et al. 2020) on the layers after %s: %s; "
                        + "effect = Σ η ∇L(z)·∇L(input) over %d checkpoints of the head's fit by gradient descent "
                        + "(%d steps, step %.3g to %.3g) — the loss reduction each training example brought the "
                        + "prediction along training: positive for proponents (green), negative for opponents (red).",
                        layer, fitted, json.get("checkpoints").getAsInt(), json.get("descentSteps").getAsInt(),
                        json.get("firstStep").getAsDouble(), json.get("lastStep").getAsDouble()));
                self = "TracIn self-influence, Σ η ‖∇L(z)‖²";
            }
            case "loo" -> {
                report.paragraph(String.format(Locale.ROOT, "Exact leave-one-out on the layers after %s: %s, then "
                        + "retrained to convergence without each of the %d training examples in turn. Effect: the "
                        + "actual change of the prediction's loss — positive for proponents (green), negative for "
                        + "opponents (red). Last columns: how well influence functions (%s) and their Newton step "
                        + "predict these %d changes: Pearson r, and the slope of the actual on the predicted changes "
                        + "(1 when their sizes are right, above 1 when the prediction is too small).", layer, fitted, json.get("retrainings").getAsInt(), inverse(json),
                        json.get("retrainings").getAsInt()));
                self = "the rise of its own loss when it is left out";
            }
            case "newton" -> {
                report.paragraph(String.format(Locale.ROOT, "The Newton step of influence functions on the layers "
                        + "after %s: %s; %s, each training example's own curvature taken out of it. Effect: the "
                        + "predicted change of the prediction's loss if that training example were removed, "
                        + "(1/n) ∇L(input)ᵀ (H − ∇²L(z)/n)⁻¹ ∇L(z) — positive for proponents (green), negative for "
                        + "opponents (red).", layer, fitted, inverse(json)));
                self = "Newton-step self-influence, ∇L(z)ᵀ (H − ∇²L(z)/n)⁻¹ ∇L(z)";
            }
            default -> {
                report.paragraph(String.format(Locale.ROOT, "Influence functions (Koh & Liang 2017) on the layers "
                        + "after %s: %s; %s. Effect: the predicted change of the prediction's loss if that training "
                        + "example were removed — positive for proponents (green), negative for opponents (red).",
                        layer, fitted, inverse(json)));
                self = "self-influence, ∇L(z)ᵀ H⁻¹ ∇L(z)";
            }
        }
        boolean correlations = method.equals("loo");
        List<String> headers = new ArrayList<>(List.of("input", "predicted", "loss", "input | proponents | opponents",
                "effects (training index: label, effect)"));
        if (correlations) {
            headers.addAll(List.of("influence functions' r", "slope", "Newton step's r", "slope"));
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("predictions")) {
            JsonObject p = element.getAsJsonObject();
            JsonArray proponents = p.getAsJsonArray("proponents");
            JsonArray opponents = p.getAsJsonArray("opponents");
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(p.get("input").getAsString()),
                    new HtmlReport.Text(p.get("predicted").getAsString()),
                    VisualisationSection.number(p.get("loss").getAsDouble()),
                    new HtmlReport.Picture(VisualisationSection.bytes(dir, p.get("picture").getAsString()),
                            "proponents and opponents of " + p.get("input").getAsString(),
                            60 * (1 + proponents.size() + opponents.size())),
                    new HtmlReport.Text(describe(proponents, "effect") + " | " + describe(opponents, "effect"))));
            if (correlations) {
                for (String key : new String[] {"influenceCorrelation", "influenceSlope", "newtonStepCorrelation",
                    "newtonStepSlope"}) {
                    cells.add(p.has(key) ? VisualisationSection.number(p.get(key).getAsDouble())
                            : new HtmlReport.Text("–"));
                }
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.table(headers, rows);
        JsonArray most = json.getAsJsonArray("mostSelfInfluential");
        report.paragraph("The training examples with the largest " + self + " (the head bends most to fit them: check "
                + "their labels first): " + describe(most, "selfInfluence"));
        report.figure(VisualisationSection.bytes(dir, json.get("selfInfluencePicture").getAsString()),
                "most self-influential training examples", 60 * Math.max(1, most.size()));
    }

    /** How the Hessian was inverted, and how closely. */
    private static String inverse(JsonObject json) {
        String how = switch (json.get("solver").getAsString()) {
            case "exact" -> "Hessian factored exactly";
            case "lissa" -> "Hessian inverted by LiSSA";
            default -> "Hessian inverted by conjugate gradients";
        };
        return String.format(Locale.ROOT, "%s with damping %.3g (relative residual %.1e)", how,
                json.get("damping").getAsDouble(), json.get("inverseResidual").getAsDouble());
    }

    private static List<Map<String, Object>> examples(int[] indices, double[] values, TrainingImages train,
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

    private static String describe(JsonArray examples, String key) {
        List<String> parts = new ArrayList<>();
        for (JsonElement element : examples) {
            JsonObject e = element.getAsJsonObject();
            parts.add(String.format(Locale.ROOT, "#%d: %s, %+.2e", e.get("trainingIndex").getAsInt(),
                    e.get("label").getAsString(), e.get(key).getAsDouble()));
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
    private static byte[] strip(float[] input, dev.glassbox.core.model.Shape shape, TrainingImages train,
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
