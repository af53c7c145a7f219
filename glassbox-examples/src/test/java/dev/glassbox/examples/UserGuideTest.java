package dev.glassbox.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java block of the user guide is an excerpt of an example that the build compiles and runs. */
class UserGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "user-guide.md");
    private static final Path EXAMPLES = Path.of("src", "main", "java", "dev", "glassbox", "examples");

    @Test
    void everyJavaBlockOfTheGuideStandsInAnExample() throws IOException {
        String examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = normalised(files.filter(p -> p.toString().endsWith(".java")).sorted().map(UserGuideTest::read)
                    .collect(Collectors.joining("\n")));
        }
        List<String> blocks = javaBlocks(Files.readString(GUIDE));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(6);
        for (String block : blocks) {
            assertThat(examples).as("a block of the guide not found in the examples:%n%s", block)
                    .contains(normalised(block));
        }
    }

    private static List<String> javaBlocks(String markdown) {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String normalised(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
