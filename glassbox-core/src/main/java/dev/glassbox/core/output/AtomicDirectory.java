package dev.glassbox.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder that appears only when complete. Work is written into a hidden staging folder beside the target;
 * {@link #commit()} moves it into place (renaming it when the target does not exist yet, otherwise moving each file in,
 * replacing files of the same name and keeping every other file the user had there). Closing without a commit deletes
 * the staging folder, so a failed run leaves no partial output.
 */
public final class AtomicDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private AtomicDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Opens a staging folder for {@code target}. */
    public static AtomicDirectory open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new dev.glassbox.core.InvalidInputException("output " + target + " exists and is not a folder");
        }
        try {
            Files.createDirectories(absolute.getParent());
            Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".partial-");
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new AtomicDirectory(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an output folder beside " + target, e);
        }
    }

    /** Where to write: the staging folder. */
    public Path path() {
        return staging;
    }

    /** The folder the output will appear in. */
    public Path target() {
        return target;
    }

    /** Moves the staged output into the target. */
    public void commit() {
        replace(staging, target);
        committed = true;
    }

    /**
     * Moves a complete staging folder into {@code target}: a rename when the target does not exist, otherwise each
     * file moved in (sub-folders merged the same way).
     */
    public static void replace(Path staging, Path target) {
        try {
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                    // fall through to merging
                }
            }
            Files.createDirectories(target);
            List<Path> entries;
            try (Stream<Path> list = Files.list(staging)) {
                entries = list.toList();
            }
            for (Path entry : entries) {
                Path destination = target.resolve(entry.getFileName().toString());
                if (Files.isDirectory(entry)) {
                    replace(entry, destination);
                } else {
                    Files.move(entry, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the output into " + target, e);
        }
    }

    /** Deletes the staging folder unless the output was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(staging);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
