package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.input.IdxWriter;
import dev.glassbox.core.input.LabelledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train fashion-mnist} as an objective for {@code optimize --command}: width, dropout, a held-out set. */
class TrainTrialTest {

    @Test
    void validationErrorIsTheLastLineAndTheHeldOutImagesAreNeverTrainedOn(@TempDir Path dir) throws IOException {
        Path fashion = Files.createDirectories(dir.resolve("fashion"));
        try (BundledDemo bundle = BundledDemo.unpack()) {
            LabelledImages images = bundle.images();
            IdxWriter.write(images, fashion.resolve("train-images-idx3-ubyte.gz"),
                    fashion.resolve("train-labels-idx1-ubyte.gz"));
            IdxWriter.write(images, fashion.resolve("t10k-images-idx3-ubyte.gz"),
                    fashion.resolve("t10k-labels-idx1-ubyte.gz"));
        }
        Path out = dir.resolve("trial");
        Cli cli = Cli.run("train", "fashion-mnist", "--data", fashion.toString(), "--epochs", "1", "--batch-size", "32",
                "--width", "0.25", "--dropout", "0.1", "--validation", "50", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        double error = Double.parseDouble(lines.get(lines.size() - 1).trim());
        JsonObject card = JsonParser.parseString(Files.readString(out.resolve("model.json"))).getAsJsonObject();
        JsonObject metrics = card.getAsJsonObject("metrics");
        assertThat(error).isCloseTo(1 - metrics.get("validationAccuracy").getAsDouble(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(metrics.get("validationImages").getAsDouble()).isEqualTo(50);
        // 200 bundled images: the last 50 held out, the first 150 trained on
        assertThat(card.get("data").getAsString()).contains("150 training images", "dropout 0.100");
        assertThat(card.get("architecture").getAsString()).isEqualTo("fashion-cnn-width-0.25");
        // the saved model of another width loads back and predicts
        Cli predict = Cli.run("predict", "--model", out.toString(), "--input", Cli.fixture("batch.npy").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();

        Cli tooMany = Cli.run("train", "fashion-mnist", "--data", fashion.toString(), "--validation", "200",
                "--out", dir.resolve("bad").toString());
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--validation takes from 1 to 199 images");
        Cli width = Cli.run("train", "fashion-mnist", "--data", fashion.toString(), "--width", "0",
                "--out", dir.resolve("bad").toString());
        assertThat(width.exitCode()).isEqualTo(2);
        assertThat(width.err()).contains("width multiplier");
        Cli diverged = Cli.run("train", "fashion-mnist", "--data", fashion.toString(), "--epochs", "1",
                "--learning-rate", "1e30", "--out", dir.resolve("bad").toString());
        assertThat(diverged.exitCode()).as(diverged.err()).isEqualTo(2);
        assertThat(diverged.err().strip()).startsWith("glassbox: training fashion-cnn diverged: the loss became")
                .endsWith("lower the learning rate").doesNotContain("\n\tat ");
        assertThat(Files.exists(dir.resolve("bad"))).isFalse();
    }
}
