package dev.glassbox.core.output;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder that appears only when complete. Work is written into a hidden staging folder beside the target;
 * {@link #commit()} moves it into place (renaming it when the target does not exist yet, otherwise moving each file in,
 * replacing files of the same name and keeping every other file the user had there). Closing without a commit deletes
 * the staging folder, so a failed run leaves no partial output; so does a JVM shutdown (SIGTERM, Ctrl-C) before the
 * commit, through a shutdown hook that lives from {@link #open} to {@link #commit()} or {@link #close()}. A run killed
 * outright (SIGKILL) leaves its staging folder behind: the next {@link #open} beside it deletes it.
 */
public final class AtomicDirectory implements AutoCloseable {
    /** How old a staging folder whose name records no process must be before a new run beside it deletes it. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);
    /** The marker between the target's name and the owner's PID in a staging folder's name. */
    private static final String PARTIAL = ".partial-";

    private final Path target;
    private final Path staging;
    private volatile boolean committed;
    private Thread shutdownHook;

    private AtomicDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Opens a staging folder for {@code target}, named {@code .<target>.partial-<pid>-<random>}. Staging folders of
     * earlier runs beside it that were killed before they could clean up are deleted first: those whose process is
     * gone, and those older than {@link #STALE_AFTER} whose name records no process. Throws {@link
     * InvalidInputException} when the target is a file or no folder can be made beside it.
     */
    public static AtomicDirectory open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException("output " + target + " exists and is not a folder");
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new InvalidInputException("output " + target + " is a file-system root: give a folder inside one");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the output folder " + target + ": " + why(parent, e), e);
        }
        String prefix = "." + absolute.getFileName() + PARTIAL;
        sweepStale(parent, prefix);
        Path staging;
        try {
            staging = Files.createTempDirectory(parent, prefix + ProcessHandle.current().pid() + "-");
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the output folder " + target + ": " + why(parent, e), e);
        }
        AtomicDirectory directory = new AtomicDirectory(absolute, staging);
        directory.registerCleanup();
        return directory;
    }

    /** A short reason why a folder cannot be made or written in {@code parent}. */
    private static String why(Path parent, IOException e) {
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        if (existing != null && !Files.isWritable(existing)) {
            return existing + " cannot be written";
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied (" + reason + ")" : reason;
    }

    /** Deletes the staging folders of {@code prefix} in {@code parent} left by runs that were killed. */
    private static void sweepStale(Path parent, String prefix) {
        List<Path> candidates;
        try (Stream<Path> list = Files.list(parent)) {
            candidates = list.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).toList();
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path candidate : candidates) {
            try {
                if (isStale(candidate, candidate.getFileName().toString().substring(prefix.length()))) {
                    deleteRecursively(candidate);
                }
            } catch (IOException | RuntimeException e) {
                // another run may be deleting it, or it is not ours to delete: leave it
            }
        }
    }

    private static boolean isStale(Path staging, String suffix) throws IOException {
        int dash = suffix.indexOf('-');
        if (dash > 0) {
            try {
                long pid = Long.parseLong(suffix.substring(0, dash));
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException notAPid) {
                // an older name: judge by age
            }
        }
        return Files.getLastModifiedTime(staging).toInstant().isBefore(Instant.now().minus(STALE_AFTER));
    }

    /** Deletes the staging folder if the JVM shuts down (SIGTERM, Ctrl-C) before a commit or close. */
    private void registerCleanup() {
        Thread hook = new Thread(() -> {
            if (!committed) {
                try {
                    deleteRecursively(staging);
                } catch (RuntimeException e) {
                    // the JVM is going down: nothing more to do
                }
            }
        }, "glassbox-output-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: close() still cleans up
        }
    }

    private void removeCleanup() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run; it sees the same state
            }
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
        removeCleanup();
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
        try {
            if (!committed) {
                deleteRecursively(staging);
            }
        } finally {
            removeCleanup();
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
