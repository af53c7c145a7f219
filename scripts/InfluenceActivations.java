import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.model.Models;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writes the bundled CNN's activations at its dropout layer, one CSV row per image (label, then the values), for the
 * first N Fashion-MNIST training images (train.csv, their labels) and the first three test images (test.csv, the
 * model's predicted classes): the features scripts/influence_loo_reference.py fits its softmax head to.
 * Run from the repository root after building the CLI (mvn -B -pl glassbox-cli -am -DskipTests package):
 * ONEDNN_MAX_CPU_ISA=SSE41 java -Dai.djl.offline=true \
 *     -cp "glassbox-cli/target/glassbox-cli.jar:glassbox-cli/target/lib/*" scripts/InfluenceActivations.java N OUT_DIR
 */
public final class InfluenceActivations {
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path data = FashionMnist.defaultDirectory();
        try (LayeredModel model = Models.loadLayered(Path.of("glassbox-cli/src/main/resources/dev/glassbox/cli/demo/model"),
                ModelOptions.withShape(Shape.of(1, 28, 28)))) {
            LabelledImages train = FashionMnist.train(data).slice(0, n);
            LabelledImages test = FashionMnist.test(data).slice(0, 3);
            float[][] trainImages = images(train);
            float[][] testImages = images(test);
            float[][] scores = model.predict(testImages);
            int[] predicted = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                for (int c = 1; c < scores[i].length; c++) {
                    predicted[i] = scores[i][c] > scores[i][predicted[i]] ? c : predicted[i];
                }
            }
            write(out.resolve("train.csv"), model.activations(trainImages, "dropout"), train.labels());
            write(out.resolve("test.csv"), model.activations(testImages, "dropout"), predicted);
        }
    }

    private static float[][] images(LabelledImages set) {
        float[][] out = new float[set.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = set.image(i);
        }
        return out;
    }

    private static void write(Path file, float[][] rows, int[] labels) throws IOException {
        try (PrintWriter writer = new PrintWriter(file.toFile(), "UTF-8")) {
            for (int i = 0; i < rows.length; i++) {
                StringBuilder line = new StringBuilder().append(labels[i]);
                for (float v : rows[i]) {
                    line.append(',').append(v);
                }
                writer.println(line);
            }
        }
    }
}
