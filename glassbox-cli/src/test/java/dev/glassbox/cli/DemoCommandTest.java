package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.glassbox.cli.demo.OnnxDemo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    static Path dir;
    private static Cli result;
    private static Path out;

    @BeforeAll
    static void runTheDemo() {
        out = dir.resolve("demo");
        result = Cli.run("demo", "--out", out.toString());
    }

    @Test
    void demoModelIsAccurateOnTheBundledImagesAndTheReportIsWritten() throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonArray predictions = JsonParser.parseString(Files.readString(out.resolve("predictions.json"))).getAsJsonArray();
        assertThat(predictions).hasSize(200);
        long correct = 0;
        for (JsonElement p : predictions) {
            if (p.getAsJsonObject().get("label").getAsInt() == p.getAsJsonObject().get("predicted").getAsInt()) {
                correct++;
            }
        }
        // the bundled model scored 92.4% on all 10,000 test images; on these 200 it must stay above 90%
        assertThat(correct / 200.0).isGreaterThanOrEqualTo(0.90);
        assertThat(result.out()).contains(String.format("accuracy %.1f%%", 100.0 * correct / 200));
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Predictions").contains("Explanations")
                .contains("Calibration").contains("data:image/png;base64,").doesNotContain("<script");
        assertThat(out.resolve("explanations")).isDirectoryContaining(p -> p.toString().endsWith(".ig.json"))
                .isDirectoryContaining(p -> p.toString().endsWith(".extremal.json"))
                .isDirectoryContaining(p -> p.toString().endsWith(".meaningful.json"));
        assertThat(html).contains("An ONNX model from PyTorch").contains(OnnxDemo.INNER_BLOCK);
        for (String method : OnnxDemo.METHODS) {
            assertThat(out.resolve("onnx")).isDirectoryContaining(p -> p.toString().endsWith("." + method + ".json"));
        }
    }

    /**
     * The report laid out by a real browser (Debian's chromium, headless, when installed) in a 1,400-pixel window: every
     * embedded picture decodes, nothing makes the page wider than the window, and no element is wider than its
     * container (a table running off the page inside a scrolling box counts: its box is wider than its content).
     */
    @Test
    void reportLaysOutInHeadlessChromium() throws IOException, InterruptedException {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "chromium is not installed");
        Path probe = out.resolve("probe.html");
        Files.writeString(probe, Files.readString(out.resolve("index.html")).replace("</body>", "<script>"
                + "document.body.dataset.overflow = document.documentElement.scrollWidth > window.innerWidth;"
                + "document.body.dataset.broken = [...document.images].filter(i => !i.complete || !i.naturalWidth).length;"
                + "document.body.dataset.images = document.images.length;"
                + "document.body.dataset.wider = JSON.stringify([...document.body.querySelectorAll('*')].flatMap(e => {"
                + "  if (getComputedStyle(e).display === 'inline') return [];"
                + "  const name = e.tagName + (e.className ? '.' + e.className : '') + ' ' + (e.getAttribute('alt') || e.textContent).slice(0, 30);"
                + "  const found = [];"
                + "  if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) found.push(name + ': content ' + e.scrollWidth + 'px in ' + e.clientWidth + 'px');"
                + "  const p = e.parentElement, r = e.getBoundingClientRect(), q = p.getBoundingClientRect();"
                + "  if (r.width > 0 && (r.right > q.right + 1 || r.left < q.left - 1)) found.push(name + ': ' + Math.round(r.left) + '..' + Math.round(r.right) + 'px beyond its container ' + Math.round(q.left) + '..' + Math.round(q.right));"
                + "  return found; }));</script></body>"));
        Process browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,2000",
                "--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dom).contains("data-overflow=\"false\"").contains("data-broken=\"0\"");
        java.util.regex.Matcher wider = java.util.regex.Pattern.compile("data-wider=\"([^\"]*)\"").matcher(dom);
        assertThat(wider.find()).as("the layout probe ran").isTrue();
        assertThat(wider.group(1).replace("&quot;", "\"")).as("elements wider than their container").isEqualTo("[]");
        assertThat(dom).containsPattern("data-images=\"([5-9]\\d|\\d{3,})\"");
    }
}
