package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSpamCommandTest {

    @Test
    void trainsABodyOnlyFilterAndSavesItWithItsVocabularyAndScores(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Random random = new Random(3);
        for (String split : new String[] {"train", "validation", "test"}) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data.resolve(split + ".jsonl.gz")))) {
                for (int i = 0; i < 40; i++) {
                    boolean spam = random.nextBoolean();
                    String body = spam ? "win free money now" : "see you at the meeting";
                    out.write(("{\"label\":\"" + (spam ? "spam" : "ham") + "\",\"text\":\"Subject: hi\\n\\n" + body
                            + "\"}\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Path model = dir.resolve("model");

        Cli result = Cli.run("train", "spam", "--data", data.toString(), "--body-only", "--epochs", "2", "--batch-size",
                "8", "--learning-rate", "0.01", "--out", model.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("test accuracy").contains("bodies");
        JsonObject card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        assertThat(card.getAsJsonObject("text").get("part").getAsString()).isEqualTo("BODY");
        assertThat(card.getAsJsonObject("metrics").get("testAccuracy").getAsDouble()).isGreaterThan(0.9);
        assertThat(Files.readAllLines(model.resolve("vocabulary.txt"))).startsWith("[PAD]", "[UNK]").contains("money");
    }
}
