package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.AttributionMethods;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.input.NpyWriter;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.explain.NoiseTunnel;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.explanation.ExplanationAttack;
import dev.glassbox.djl.robust.explanation.ExplanationAttackResult;
import dev.glassbox.djl.robust.explanation.SoftplusSurrogate;
import dev.glassbox.djl.robust.explanation.SurrogateMap;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox attack-explanation}, and the attack on the bundled model's explanations against random signs. */
class ExplanationAttackCommandTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    /**
     * The top-k attack moves the bundled model's saliency maps more than random sign perturbations of the same ε,
     * on the first bundled test images (the README's table is the same run with {@code -Dglassbox.explattack.images=30
     * -Dglassbox.explattack.methods=saliency,ig,smoothgrad -Dglassbox.explattack.epsilons=0.01,0.03,0.05
     * -Dglassbox.explattack.steps=20}).
     */
    @Test
    void attackMovesTheBundledModelsMapsMoreThanRandomSigns() {
        int count = Integer.getInteger("glassbox.explattack.images", 4);
        List<String> methods = List.of(System.getProperty("glassbox.explattack.methods", "saliency").split(","));
        double[] epsilons = java.util.Arrays.stream(System.getProperty("glassbox.explattack.epsilons", "0.03")
                .split(",")).mapToDouble(Double::parseDouble).toArray();
        int steps = Integer.getInteger("glassbox.explattack.steps", 10);
        int samples = Integer.getInteger("glassbox.explattack.samples", 16);
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 100)) {
            LabelledImages images = bundle.images();
            float[][] inputs = new float[count][];
            for (int i = 0; i < count; i++) {
                inputs[i] = images.image(i);
            }
            StringBuilder table = new StringBuilder(
                    "| method | ε | top-k ∩ attack | top-k ∩ random | ρ attack | ρ random | p before → after | random keeps |");
            List<Double> gaps = new java.util.ArrayList<>();
            MethodSettings settings = MethodSettings.builder().steps(Integer.getInteger("glassbox.explattack.igsteps", 8))
                    .samples(Integer.getInteger("glassbox.explattack.sgsamples", 16)).seed(0).build();
            for (String method : methods) {
                // smoothgrad-same-noise: SmoothGrad with one noise draw for every input, a fixed function of the input
                Explainer explainer = method.equals("smoothgrad-same-noise")
                        ? NoiseTunnel.around(model, Saliency.gradients(model, false), "saliency")
                                .samples(settings.samples()).seed(0).sameNoiseForEveryInput(true).build()
                        : AttributionMethods.CATALOGUE.require(method).create(model, settings);
                for (double epsilon : epsilons) {
                    long start = System.nanoTime();
                    ExplanationAttack.Builder builder = ExplanationAttack.of(model, explainer).epsilon(epsilon)
                            .steps(steps).samples(samples).bounds(new InputBounds(0, 1))
                            .seed(Long.getLong("glassbox.explattack.seed", 0));
                    String beta = System.getProperty("glassbox.explattack.beta");
                    if (beta != null) {
                        builder.surrogate(SoftplusSurrogate.of(model, Double.parseDouble(beta)),
                                SurrogateMap.of(method, settings));
                    }
                    ExplanationAttack attack = builder.build();
                    List<ExplanationAttackResult> attacked = attack.attack(inputs);
                    List<ExplanationAttackResult> random = attack.randomSigns(inputs);
                    double[] a = means(attacked);
                    double[] r = means(random);
                    table.append(String.format(Locale.ROOT, "%n| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f → %.3f | %.0f%% |"
                            + " (%.0f s)", method, epsilon, a[0], r[0], a[1], r[1], a[2], a[3], 100 * r[4],
                            (System.nanoTime() - start) / 1e9));
                    for (ExplanationAttackResult result : attacked) {
                        assertThat(result.predictionKept()).isTrue();
                    }
                    if (method.equals("saliency")) {
                        gaps.add(r[0] - a[0]);
                    }
                }
            }
            System.out.println("attacks on the bundled model's explanations, " + count + " images, " + steps
                    + " steps, " + samples + " pairs:\n" + table);
            for (double gap : gaps) {
                assertThat(gap).as("the attack moves saliency's top-k region more than random signs").isGreaterThan(0.05);
            }
        }
    }

    private static String[] command(Path model, Path[] inputs, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("attack-explanation", "--model", model.toString(), "--input"));
        for (Path input : inputs) {
            args.add(input.toString());
        }
        args.addAll(List.of(options));
        args.add("--out=" + out);
        return args.toArray(String[]::new);
    }

    @Test
    void writesPerturbedInputsMapsAndScoresReproducibly(@TempDir Path dir) throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Path[] inputs = AttackCommandTest.writeInputs(dir, bundle.images(), 2);
            String[] options = {"--explain", "saliency,smoothgrad", "--epsilon", "0.05", "--steps", "2",
                "--samples", "4", "--smoothgrad-samples", "4", "--bounds", "0,1", "--seed", "3"};
            Path out = dir.resolve("out");
            Cli cli = Cli.run(command(bundle.modelDir(), inputs, out, options));
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("saliency: mean top-k intersection").contains("smoothgrad:");
            String json = Files.readString(out.resolve("attack-explanation.json"));
            JsonObject doc = JsonParser.parseString(json).getAsJsonObject();
            assertThat(doc.getAsJsonObject("attack").get("topK").getAsInt()).isEqualTo(78);
            JsonArray results = doc.getAsJsonArray("results");
            assertThat(results).hasSize(2);
            for (int i = 0; i < 2; i++) {
                JsonObject methods = results.get(i).getAsJsonObject().getAsJsonObject("methods");
                assertThat(methods.keySet()).containsExactly("saliency", "smoothgrad");
                for (String method : methods.keySet()) {
                    JsonObject r = methods.getAsJsonObject(method);
                    assertThat(r.getAsJsonObject("after").get("class").getAsInt())
                            .isEqualTo(r.getAsJsonObject("before").get("class").getAsInt());
                    assertThat(r.get("topKIntersection").getAsDouble()).isBetween(0.0, 1.0);
                    assertThat(r.get("lossAfter").getAsDouble()).isLessThanOrEqualTo(r.get("lossBefore").getAsDouble());
                    assertThat(r.getAsJsonObject("randomSigns").get("topKIntersection").getAsDouble()).isBetween(0.0, 1.0);
                    String stem = "img" + i + "." + method;
                    for (String suffix : List.of(".npy", ".png", ".perturbation.png", ".map.png", ".attacked-map.png")) {
                        assertThat(out.resolve(stem + suffix)).isRegularFile();
                    }
                    float[] perturbed = NpyReader.samples(out.resolve(stem + ".npy"), IMAGE).get(0).values();
                    float[] original = bundle.images().image(i);
                    for (int j = 0; j < original.length; j++) {
                        assertThat(perturbed[j]).isBetween(0f, 1f);
                        assertThat(Math.abs(perturbed[j] - original[j])).isLessThanOrEqualTo(0.05f + 1e-6f);
                    }
                }
            }
            Path again = dir.resolve("again");
            Cli second = Cli.run(command(bundle.modelDir(), inputs, again, options));
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(Files.readString(again.resolve("attack-explanation.json"))).as("same seed, same bytes")
                    .isEqualTo(json);
            assertThat(Files.readAllBytes(again.resolve("img1.smoothgrad.npy")))
                    .isEqualTo(Files.readAllBytes(out.resolve("img1.smoothgrad.npy")));

            float[] target = new float[IMAGE.size()];
            java.util.Arrays.fill(target, 0, 14 * 28, 1f);
            Path targetFile = dir.resolve("target.npy");
            NpyWriter.write(target, IMAGE, targetFile);
            Path targeted = dir.resolve("targeted");
            Cli towards = Cli.run(command(bundle.modelDir(), new Path[] {inputs[0]}, targeted, "--explain",
                    "saliency", "--epsilon", "0.05", "--steps", "3", "--samples", "8", "--bounds", "0,1",
                    "--target-map", targetFile.toString()));
            assertThat(towards.exitCode()).as(towards.err()).isZero();
            JsonObject t = JsonParser.parseString(Files.readString(targeted.resolve("attack-explanation.json")))
                    .getAsJsonObject();
            assertThat(t.getAsJsonObject("attack").get("goal").getAsString()).isEqualTo("target-map");
            JsonObject r = t.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonObject("methods")
                    .getAsJsonObject("saliency");
            assertThat(r.get("lossBefore").getAsDouble()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.get("lossAfter").getAsDouble()).isLessThan(1);
        }
    }

    /**
     * The white-box attack through the softplus surrogate: the settings say so, the prediction and the ball hold, and
     * on the bundled CNN it moves saliency's and IG's top-k regions more than random signs.
     */
    @Test
    void surrogateAttackMovesTheBundledModelsMaps(@TempDir Path dir) throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Path[] inputs = AttackCommandTest.writeInputs(dir, bundle.images(), 3);
            Path out = dir.resolve("out");
            Cli cli = Cli.run(command(bundle.modelDir(), inputs, out, "--explain", "saliency,ig,smoothgrad",
                    "--ig-steps", "4", "--smoothgrad-samples", "4", "--epsilon", "0.03", "--steps", "5", "--bounds",
                    "0,1", "--surrogate-beta", "10"));
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            JsonObject doc = JsonParser.parseString(Files.readString(out.resolve("attack-explanation.json")))
                    .getAsJsonObject();
            JsonObject attack = doc.getAsJsonObject("attack");
            assertThat(attack.get("gradient").getAsString()).isEqualTo("softplus surrogate");
            assertThat(attack.get("surrogateBeta").getAsDouble()).isEqualTo(10);
            assertThat(attack.has("samples")).isFalse();
            for (String method : List.of("saliency", "ig", "smoothgrad")) {
                double attacked = 0;
                double random = 0;
                for (int i = 0; i < 3; i++) {
                    JsonObject r = doc.getAsJsonArray("results").get(i).getAsJsonObject().getAsJsonObject("methods")
                            .getAsJsonObject(method);
                    assertThat(r.getAsJsonObject("after").get("class").getAsInt())
                            .isEqualTo(r.getAsJsonObject("before").get("class").getAsInt());
                    assertThat(r.get("lossAfter").getAsDouble()).isLessThan(r.get("lossBefore").getAsDouble());
                    float[] perturbed = NpyReader.samples(out.resolve("img" + i + "." + method + ".npy"), IMAGE).get(0)
                            .values();
                    float[] original = bundle.images().image(i);
                    for (int j = 0; j < original.length; j++) {
                        assertThat(Math.abs(perturbed[j] - original[j])).isLessThanOrEqualTo(0.03f + 1e-6f);
                    }
                    attacked += r.get("topKIntersection").getAsDouble() / 3;
                    random += r.getAsJsonObject("randomSigns").get("topKIntersection").getAsDouble() / 3;
                }
                assertThat(attacked).as(method).isLessThan(random - 0.05);
            }
        }
    }

    @Test
    void badSettingsExitWithTwoAndOneLine(@TempDir Path dir) throws IOException {
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Path[] inputs = AttackCommandTest.writeInputs(dir, bundle.images(), 1);
            Path small = dir.resolve("small.npy");
            NpyWriter.write(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2), small);
            String[][] bad = {
                {"--explain", "saliency", "--epsilon", "-0.1"},
                {"--explain", "saliency", "--epsilon", "0.1", "--steps", "0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--samples", "0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--sigma", "0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--top-k-share", "0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--bounds", "1,0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--bounds", "0.5,0.6"},
                {"--explain", "nosuch", "--epsilon", "0.1"},
                {"--explain", "saliency", "--epsilon", "0.1", "--target-map", small.toString()},
                {"--explain", "saliency", "--epsilon", "0.1", "--target-map", dir.resolve("none.npy").toString()},
                {"--explain", "ig", "--epsilon", "0.1", "--ig-steps", "0"},
                {"--explain", "saliency", "--epsilon", "0.1", "--surrogate-beta", "0"},
                {"--explain", "deeplift", "--epsilon", "0.1", "--surrogate-beta", "5"},
            };
            for (String[] args : bad) {
                Cli cli = Cli.run(command(bundle.modelDir(), inputs, dir.resolve("never"), args));
                assertThat(cli.exitCode()).as(String.join(" ", args) + ": " + cli.err()).isEqualTo(2);
                assertThat(cli.err().strip().lines().count()).as(cli.err()).isEqualTo(1);
                assertThat(dir.resolve("never")).doesNotExist();
            }
        }
    }

    /** Mean top-k intersection, Spearman's ρ, probability before and after, share of predictions kept. */
    private static double[] means(List<ExplanationAttackResult> results) {
        double[] out = new double[5];
        for (ExplanationAttackResult r : results) {
            out[0] += r.shift().topKIntersection() / results.size();
            out[1] += r.shift().spearman() / results.size();
            out[2] += r.probabilityBefore() / results.size();
            out[3] += r.probabilityAfter() / results.size();
            out[4] += (r.predictionKept() ? 1.0 : 0) / results.size();
        }
        return out;
    }
}
