package dev.glassbox.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void outputAppearsOnlyOnCommit(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out");
        try (AtomicDirectory output = AtomicDirectory.open(target)) {
            Files.writeString(output.path().resolve("a.json"), "{}");
            assertThat(target).doesNotExist();
            output.commit();
        }
        assertThat(target.resolve("a.json")).hasContent("{}");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void failedRunLeavesNothing(@TempDir Path dir) throws IOException {
        try (AtomicDirectory output = AtomicDirectory.open(dir.resolve("out"))) {
            Files.writeString(output.path().resolve("half.json"), "{");
        }
        assertThat(entries(dir)).isZero();
    }

    @Test
    void commitIntoAnExistingFolderReplacesItsFilesAndKeepsTheRest(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("mine.txt"), "keep me");
        Files.writeString(target.resolve("a.json"), "old");
        try (AtomicDirectory output = AtomicDirectory.open(target)) {
            Files.writeString(output.path().resolve("a.json"), "new");
            Files.createDirectories(output.path().resolve("sub"));
            Files.writeString(output.path().resolve("sub/b.txt"), "b");
            output.commit();
        }
        assertThat(target.resolve("mine.txt")).hasContent("keep me");
        assertThat(target.resolve("a.json")).hasContent("new");
        assertThat(target.resolve("sub/b.txt")).hasContent("b");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aFileInTheWayIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThatThrownBy(() -> AtomicDirectory.open(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a folder");
    }
}
