package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.TextExplanations;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long texts: occlusion's cost stays near-linear, a text over the cap is refused, and the HTML shows what was read. */
class LongTextTest {
    @Test
    void occlusionOfALongMailFinishesAndATextOverTheCapIsRefused(@TempDir Path dir) throws IOException {
        String words = "free money click here the meeting tomorrow report offer win ";
        Path mail = Files.writeString(dir.resolve("long.txt"), "From: a@example.com\nSubject: pay \u202Eeulav\u202C now\n\n"
                + words.repeat(4_000));
        Path huge = Files.writeString(dir.resolve("huge.txt"), "a ".repeat(TextExplanations.MAX_TOKENS + 1));
        Path out = dir.resolve("out");
        try (BundledDemo bundle = BundledDemo.unpack()) {
            String model = bundle.spamModelDir().toString();
            long start = System.nanoTime();
            Cli result = Cli.run("explain", "--model", model, "--input", mail.toString(), "--method", "occlusion",
                    "--out", out.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(result.exitCode()).as(result.err()).isZero();
            // 40,000 tokens: 40,000 masked texts of 240 KB each before, about as many as the model reads (512) now
            assertThat(seconds).as("seconds for a 240 KB mail").isLessThan(60);

            Cli refused = Cli.run("explain", "--model", model, "--input", huge.toString(), "--method", "occlusion",
                    "--out", dir.resolve("refused").toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("huge.txt has 100,001 tokens", "at most 100,000 tokens");
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(dir.resolve("refused")).doesNotExist();
        }
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("long.occlusion.json"))).getAsJsonObject();
        assertThat(json.getAsJsonArray("tokens").size()).isGreaterThan(40_000);
        assertThat(json.getAsJsonObject("diagnostics").get("unreadFeatures").getAsDouble()).isGreaterThan(39_000);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("\u202E", "\u202C").contains("\u27e8U+202E\u27e9");
    }
}
