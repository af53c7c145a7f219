package dev.glassbox.cli.command;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The file-name stems of one run's inputs, unique within the run: two inputs whose names reduce to the same stem
 * ({@code a/x.npy} and {@code b/x.npy}) get {@code x} and {@code x-2}, so that neither's results overwrite the other's.
 * Stems are compared ignoring case, for file systems that do.
 */
public final class OutputStems {
    private final Set<String> used = new HashSet<>();

    /**
     * A file-name stem for an input: its file name without extension, {@code #i} becoming {@code -i}. Letters and
     * digits of every script stay as they are ({@code 图像.npy} gives {@code 图像}); any other character but {@code . _ -}
     * becomes {@code _}. Unique within a run only through {@link #next}.
     */
    public static String stem(String input) {
        String stem = input.replaceFirst("\\.[A-Za-z0-9]+(?=#|$)", "").replace('#', '-')
                .replaceAll("[^\\p{L}\\p{M}\\p{N}._-]", "_");
        return stem.isEmpty() || stem.chars().allMatch(c -> c == '.') ? "input" + stem.replace('.', '_') : stem;
    }

    /** The stem of {@code inputName} ({@link #stem}), suffixed {@code -2}, {@code -3}… when taken. */
    public String next(String inputName) {
        String base = stem(inputName);
        String stem = base;
        for (int n = 2; !used.add(stem.toLowerCase(Locale.ROOT)); n++) {
            stem = base + "-" + n;
        }
        return stem;
    }
}
