package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.TextDemo;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDemoTest {

    @Test
    void theTextSectionShowsBothModelsHeaderSharesAndTwoHighlightedMails(@TempDir Path dir) throws IOException {
        HtmlReport report = new HtmlReport("demo", "test");
        try (BundledDemo bundle = BundledDemo.unpack()) {
            TextDemo.addTo(bundle, dir.resolve("text"), report, 2);
        }

        String html = report.render();
        assertThat(html).contains("Text explanations: a spam filter", "header share, bodies only", "class=\"tokens\"")
                .doesNotContain("<script");
        try (Stream<Path> files = Files.list(dir.resolve("text"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("spam-") && n.endsWith(".kernel-shap.json"))
                    .anyMatch(n -> n.startsWith("ham-") && n.endsWith(".ig.json")).hasSize(10);
        }
    }
}
