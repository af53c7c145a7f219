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

    @Test
    void anOutputBesideAFileIsRefusedWithOneClearReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AtomicDirectory.open(file.resolve("out")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> AtomicDirectory.open(file.resolve("deeper/out")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a file, not a folder");
        assertThat(file).hasContent("x");
    }

    @Test
    void stagingFoldersOfKilledRunsAreSweptWhenANewOneOpensBesideThem(@TempDir Path dir) throws IOException {
        Path deadOwner = Files.createDirectories(dir.resolve(".out.partial-2147483646-123"));
        Files.writeString(deadOwner.resolve("half.json"), "{");
        Path oldUnowned = Files.createDirectories(dir.resolve(".out.partial-8812345"));
        Files.setLastModifiedTime(oldUnowned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicDirectory.STALE_AFTER).minusSeconds(60)));
        Path freshUnowned = Files.createDirectories(dir.resolve(".out.partial-99"));
        Path liveOwner = Files.createDirectories(dir.resolve(".out.partial-" + ProcessHandle.current().pid() + "-7"));
        Path otherTarget = Files.createDirectories(dir.resolve(".other.partial-2147483646-1"));
        try (AtomicDirectory output = AtomicDirectory.open(dir.resolve("out"))) {
            assertThat(output.path().getFileName().toString()).startsWith(".out.partial-" + ProcessHandle.current().pid() + "-");
            assertThat(deadOwner).doesNotExist();
            assertThat(oldUnowned).doesNotExist();
            assertThat(freshUnowned).exists();
            assertThat(liveOwner).exists();
            assertThat(otherTarget).exists();
        }
    }

    @Test
    void aTerminatedRunRemovesItsStagingFolder(@TempDir Path dir) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                StagingChild.class.getName(), dir.resolve("out").toString()).redirectErrorStream(true).start();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String staging = lines.readLine();
        assertThat(staging).as("the child's staging folder").isNotNull();
        assertThat(Path.of(staging).resolve("half.json")).exists();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(entries(dir)).as("nothing left beside the output").isZero();
    }

    /** A run that stages output and waits to be terminated. */
    public static final class StagingChild {
        public static void main(String[] args) throws Exception {
            AtomicDirectory output = AtomicDirectory.open(Path.of(args[0]));
            Files.writeString(output.path().resolve("half.json"), "{");
            System.out.println(output.path());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
