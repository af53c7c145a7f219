package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SpamAssassin public mail corpus (6,046 e-mails with their headers, labelled ham or spam) in the seeded
 * train/validation/test split that {@code scripts/make_spam_data.py} writes: {@code train.jsonl.gz}, {@code
 * validation.jsonl.gz} and {@code test.jsonl.gz}, read by {@link TextFiles#readLabelled}.
 */
public final class SpamAssassin {
    /** The class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("ham", "spam");
    /** The index of the spam class. */
    public static final int SPAM = 1;

    private SpamAssassin() {
    }

    /** Where the script writes the split by default: {@code data/spam-assassin} in the repository. */
    public static Path defaultDirectory() {
        return Path.of("data", "spam-assassin");
    }

    /** The training e-mails in {@code dir}. */
    public static LabelledTexts train(Path dir) {
        return read(dir, "train");
    }

    /** The validation e-mails in {@code dir}. */
    public static LabelledTexts validation(Path dir) {
        return read(dir, "validation");
    }

    /** The test e-mails in {@code dir}. */
    public static LabelledTexts test(Path dir) {
        return read(dir, "test");
    }

    private static LabelledTexts read(Path dir, String split) {
        Path file = dir.resolve(split + ".jsonl.gz");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("the SpamAssassin " + split + " split is not in " + dir + " (no " + file
                    .getFileName() + "): run scripts/make_spam_data.py, or pass --data DIR");
        }
        return TextFiles.readLabelled(file, CLASS_NAMES);
    }
}
