package dev.glassbox.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The file-name stems of one run's inputs, unique within the run: two inputs whose names reduce to the same stem
 * ({@code a/x.npy} and {@code b/x.npy}) get {@code x} and {@code x-2}, so that neither's results overwrite the other's.
 * Stems are compared ignoring case, for file systems that do.
 */
final class OutputStems {
    private final Set<String> used = new HashSet<>();

    /** The stem of {@code inputName} ({@link AttributionFiles#stem}), suffixed {@code -2}, {@code -3}… when taken. */
    String next(String inputName) {
        String base = AttributionFiles.stem(inputName);
        String stem = base;
        for (int n = 2; !used.add(stem.toLowerCase(Locale.ROOT)); n++) {
            stem = base + "-" + n;
        }
        return stem;
    }
}
