package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.BundledDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTextTest {
    static final String MAIL = "From: \"Tom & Jerry\" <deals@example.com>\nSubject: <script>alert('win')</script>\n\n"
            + "Dear friend, click here & win FREE money <b>now</b>!\nRemove me: reply \"no\".\n";

    @Test
    void aTextModelFolderWithTxtInputsTakesTheTextPath(@TempDir Path dir) throws IOException {
        Path mail = Files.writeString(dir.resolve("offer.txt"), MAIL);
        Path out = dir.resolve("explained");
        try (BundledDemo bundle = BundledDemo.unpack()) {
            Cli result = Cli.run("explain", "--model", bundle.spamModelDir().toString(), "--input", mail.toString(),
                    "--method", "occlusion,lime,kernel-shap,ig,ixg", "--lime-samples", "200", "--shap-samples", "200",
                    "--steps", "32", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        for (String method : new String[] {"occlusion", "lime", "kernel-shap", "ig", "ixg"}) {
            JsonObject json = JsonParser.parseString(Files.readString(out.resolve("offer." + method + ".json")))
                    .getAsJsonObject();
            JsonArray tokens = json.getAsJsonArray("tokens");
            assertThat(json.getAsJsonArray("values")).hasSameSizeAs(tokens);
            assertThat(json.getAsJsonArray("shape").get(0).getAsInt()).isEqualTo(tokens.size());
            for (JsonElement token : tokens) {
                JsonObject t = token.getAsJsonObject();
                assertThat(MAIL.substring(t.get("start").getAsInt(), t.get("end").getAsInt()))
                        .isEqualTo(t.get("text").getAsString());
            }
            assertThat(json.get("targetLabel").getAsString()).isIn("ham", "spam");
        }
        JsonObject ig = JsonParser.parseString(Files.readString(out.resolve("offer.ig.json"))).getAsJsonObject();
        assertThat(ig.getAsJsonObject("diagnostics").has("completenessDelta")).isTrue();
        assertThat(ig.getAsJsonObject("params").get("baseline").getAsString()).isEqualTo("padding embedding");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("<script>", "<b>now</b>")
                .contains("&lt;", "&gt;", "&amp;", "&#39;", "class=\"tokens\"", "kernel-shap attribution to");
    }

    @Test
    void textModelsTakeOnlyTextFilesAndTextMethods(@TempDir Path dir) throws IOException {
        Path mail = Files.writeString(dir.resolve("offer.txt"), MAIL);
        String out = dir.resolve("out").toString();
        try (BundledDemo bundle = BundledDemo.unpack()) {
            String model = bundle.spamModelDir().toString();
            Cli png = Cli.run("explain", "--model", model, "--input", Cli.fixture("sample.png").toString(), "--method",
                    "ig", "--out", out);
            Cli method = Cli.run("explain", "--model", model, "--input", mail.toString(), "--method", "gradcam",
                    "--out", out);
            Cli mask = Cli.run("explain", "--model", model, "--input", mail.toString(), "--method", "occlusion",
                    "--mask", "blank", "--out", out);
            assertThat(png.exitCode()).isEqualTo(2);
            assertThat(png.err()).contains("a text model explains .txt files");
            assertThat(method.exitCode()).isEqualTo(2);
            assertThat(method.err()).contains("unknown text method 'gradcam'");
            assertThat(mask.exitCode()).isEqualTo(2);
            assertThat(mask.err()).contains("expected pad or drop");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
