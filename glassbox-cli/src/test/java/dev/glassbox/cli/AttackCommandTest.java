package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.input.NpyWriter;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.robust.Fgsm;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.Pgd;
import dev.glassbox.djl.robust.RobustnessCurve;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox attack} on the bundled model, its bad-input errors, and robust accuracy against ε there. */
class AttackCommandTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    static Path[] writeInputs(Path dir, LabelledImages images, int count) throws IOException {
        Path[] files = new Path[count];
        for (int i = 0; i < count; i++) {
            files[i] = dir.resolve("img" + i + ".npy");
            NpyWriter.write(images.image(i), IMAGE, files[i]);
        }
        return files;
    }

    @Test
    void writesAdversarialInputsPicturesAndPredictionsBeforeAndAfter(@TempDir Path dir) throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Path[] inputs = writeInputs(dir, bundle.images(), 3);
            Path out = dir.resolve("fgsm");
            Cli fgsm = Cli.run("attack", "--model", bundle.modelDir().toString(), "--input", inputs[0].toString(),
                    inputs[1].toString(), inputs[2].toString(), "--method", "fgsm", "--epsilon", "0.1",
                    "--bounds", "0,1", "--out", out.toString());
            assertThat(fgsm.exitCode()).as(fgsm.err()).isZero();
            assertThat(fgsm.out()).contains("fgsm:");
            JsonObject doc = JsonParser.parseString(Files.readString(out.resolve("attack.json"))).getAsJsonObject();
            JsonArray results = doc.getAsJsonArray("results");
            assertThat(results).hasSize(3);
            int flipped = 0;
            for (int i = 0; i < 3; i++) {
                JsonObject r = results.get(i).getAsJsonObject();
                JsonObject before = r.getAsJsonObject("before");
                JsonObject after = r.getAsJsonObject("after");
                assertThat(r.get("attackedClass").getAsInt()).isEqualTo(before.get("class").getAsInt());
                assertThat(after.get("attackedClassProbability").getAsDouble())
                        .as("the attack lowers the attacked class's probability")
                        .isLessThan(before.get("attackedClassProbability").getAsDouble());
                flipped += r.get("success").getAsBoolean() ? 1 : 0;
                Sample adversarial = NpyReader.samples(out.resolve("img" + i + ".fgsm.npy"), IMAGE).get(0);
                float[] original = bundle.images().image(i);
                for (int j = 0; j < original.length; j++) {
                    assertThat(adversarial.values()[j]).isBetween(0f, 1f);
                    assertThat(Math.abs(adversarial.values()[j] - original[j])).isLessThanOrEqualTo(0.1f + 1e-6f);
                }
                assertThat(out.resolve("img" + i + ".fgsm.png")).isRegularFile();
                assertThat(out.resolve("img" + i + ".fgsm.perturbation.png")).isRegularFile();
            }
            assertThat(flipped).as("ε = 0.1 fools the bundled model on most images").isGreaterThanOrEqualTo(2);

            Path pgdOut = dir.resolve("pgd");
            Cli pgd = Cli.run("attack", "--model", bundle.modelDir().toString(), "--input", inputs[0].toString(),
                    "--method", "pgd", "--norm", "l2", "--epsilon", "2", "--steps", "10", "--random-start",
                    "--seed", "3", "--target", "4", "--targeted", "--bounds", "0,1", "--out", pgdOut.toString());
            assertThat(pgd.exitCode()).as(pgd.err()).isZero();
            JsonObject pgdDoc = JsonParser.parseString(Files.readString(pgdOut.resolve("attack.json"))).getAsJsonObject();
            JsonObject settings = pgdDoc.getAsJsonObject("attack");
            assertThat(settings.get("goal").getAsString()).isEqualTo("targeted");
            assertThat(settings.get("stepSize").getAsDouble()).isEqualTo(0.5);
            JsonObject result = pgdDoc.getAsJsonArray("results").get(0).getAsJsonObject();
            assertThat(result.get("attackedClass").getAsInt()).isEqualTo(4);
            assertThat(result.getAsJsonObject("perturbation").get("l2").getAsDouble()).isLessThanOrEqualTo(2 + 1e-5);
            assertThat(result.getAsJsonObject("after").get("attackedClassProbability").getAsDouble())
                    .isGreaterThan(result.getAsJsonObject("before").get("attackedClassProbability").getAsDouble());
        }
    }

    @Test
    void badSettingsExitWithTwoAndOneLine(@TempDir Path dir) throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Path input = writeInputs(dir, bundle.images(), 1)[0];
            String[][] bad = {
                {"--method", "fgsm", "--epsilon", "-0.1"},
                {"--method", "pgd", "--epsilon", "0.1", "--steps", "0"},
                {"--method", "fgsm", "--epsilon", "0.1", "--bounds", "1,0"},
                {"--method", "fgsm", "--epsilon", "0.1", "--bounds", "0.5,0.5"},
                {"--method", "fgsm", "--epsilon", "0.1", "--targeted"},
                {"--method", "fgsm", "--epsilon", "0.1", "--targeted", "--target", "pred"},
                {"--method", "fgsm", "--norm", "l2", "--epsilon", "0.1"},
                {"--method", "cw", "--epsilon", "0.1"},
            };
            for (String[] args : bad) {
                String[] full = new String[args.length + 6];
                full[0] = "attack";
                full[1] = "--model";
                full[2] = bundle.modelDir().toString();
                full[3] = "--input";
                full[4] = input.toString();
                System.arraycopy(args, 0, full, 5, args.length);
                full[full.length - 1] = "--out=" + dir.resolve("never");
                Cli cli = Cli.run(full);
                assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(cli.err().strip().lines().count()).as(cli.err()).isEqualTo(1);
                assertThat(dir.resolve("never")).doesNotExist();
            }
        }
    }

    /**
     * FGSM and PGD-20 (α = 2.5 ε / 20) on the first 40 bundled test images, L∞, inputs kept in [0, 1] (the README's
     * table is the same run on all 200, with {@code -Dglassbox.attack.images=200}).
     */
    @Test
    void robustAccuracyOfTheBundledModelFallsWithEpsilon() {
        double[] epsilons = {0, 0.01, 0.03, 0.05, 0.1};
        InputBounds unit = new InputBounds(0, 1);
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 100)) {
            LabelledImages images = bundle.images();
            float[][] inputs = new float[Integer.getInteger("glassbox.attack.images", 40)][];
            int[] labels = java.util.Arrays.copyOf(images.labels(), inputs.length);
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = images.image(i);
            }
            RobustnessCurve fgsm = RobustnessCurve.evaluate(
                    eps -> Fgsm.builder(model).epsilon(eps).bounds(unit).build(), inputs, labels, epsilons);
            RobustnessCurve pgd = RobustnessCurve.evaluate(
                    eps -> Pgd.builder(model).epsilon(eps).steps(20).bounds(unit).build(), inputs, labels,
                    epsilons);
            RobustnessCurve pgdRandom = RobustnessCurve.evaluate(
                    eps -> Pgd.builder(model).epsilon(eps).steps(20).bounds(unit).randomStart(true).seed(0).build(),
                    inputs, labels, epsilons);
            StringBuilder table = new StringBuilder("| attack |");
            for (double eps : epsilons) {
                table.append(String.format(Locale.ROOT, " ε = %s |", eps));
            }
            for (var entry : java.util.List.of(java.util.Map.entry("FGSM", fgsm), java.util.Map.entry("PGD-20", pgd),
                    java.util.Map.entry("PGD-20, random start", pgdRandom))) {
                RobustnessCurve curve = entry.getValue();
                table.append("\n| ").append(entry.getKey()).append(" |");
                for (int k = 0; k < epsilons.length; k++) {
                    table.append(String.format(Locale.ROOT, " %.1f%% (%.1f%%) |", 100 * curve.robustAccuracy()[k],
                            100 * curve.attackAccuracy()[k]));
                }
                table.append(" raw monotone: ").append(curve.attackAccuracyMonotone());
            }
            System.out.println("robust accuracy (raw attack accuracy) on the bundled model:\n" + table);
            for (RobustnessCurve curve : new RobustnessCurve[] {fgsm, pgd, pgdRandom}) {
                assertThat(curve.samples()).isEqualTo(inputs.length);
                assertThat(curve.robustAccuracy()[0]).isEqualTo(curve.clean());
                assertThat(curve.attackAccuracy()[0]).isEqualTo(curve.clean());
                for (int k = 1; k < epsilons.length; k++) {
                    assertThat(curve.robustAccuracy()[k]).isLessThanOrEqualTo(curve.robustAccuracy()[k - 1]);
                    assertThat(curve.robustAccuracy()[k]).isLessThanOrEqualTo(curve.attackAccuracy()[k]);
                }
                assertThat(curve.robustAccuracy()[epsilons.length - 1]).isLessThan(curve.clean());
            }
            for (int k = 0; k < epsilons.length; k++) {
                assertThat(pgd.attackAccuracy()[k]).as("PGD finds at least what FGSM finds at ε = %s", epsilons[k])
                        .isLessThanOrEqualTo(fgsm.attackAccuracy()[k] + 1.0 / inputs.length + 1e-9);
            }
            // from x itself, images the model is sure of (p_y within 2e-7 of 1) have every |∂CE/∂x| ≤ 1e-6, below
            // Captum's zero threshold, so sign steps never move them; a random start escapes that plateau
            assertThat(pgdRandom.attackAccuracy()[epsilons.length - 1])
                    .isLessThanOrEqualTo(pgd.attackAccuracy()[epsilons.length - 1]);
        }
    }
}
