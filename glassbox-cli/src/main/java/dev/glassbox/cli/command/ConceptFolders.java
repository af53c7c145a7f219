package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.Channels;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a set of examples from a folder of images and {@code .npy} arrays (each file one sample, or a batch), in
 * file-name order, or from a single such file; an empty folder is refused with a one-line error. TCAV's concept and
 * random sets come this way, and so do the data sets of the other inspect commands.
 */
public final class ConceptFolders {
    private ConceptFolders() {
    }

    /** The examples in {@code path} (a folder or a file) as model rows of {@code shape}; {@code what} names the set. */
    public static float[][] read(Path path, Shape shape, String what) {
        List<Path> files = files(path, what);
        ImageOptions options = ImageOptions.of(shape.rank() == 3 && shape.dim(0) == 3 ? Channels.RGB
                : shape.rank() == 3 && shape.dim(0) == 1 ? Channels.GREY : Channels.AUTO);
        List<float[]> rows = new ArrayList<>();
        for (Path file : files) {
            for (Sample sample : InputFiles.read(file, shape, options)) {
                rows.add(sample.values());
            }
        }
        return rows.toArray(float[][]::new);
    }

    /** The readable files of a folder in name order, or the file itself. */
    public static List<Path> files(Path path, String what) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(what + " " + path + " does not exist: expected a folder of images or .npy "
                    + "files");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            List<Path> files = listing.filter(Files::isRegularFile).filter(ConceptFolders::readable).sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException(what + " " + path + " is empty: expected images (.png, .jpg) or .npy "
                        + "arrays in it");
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + what + " " + path + ": " + e.getMessage());
        }
    }

    private static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && List.of("png", "jpg", "jpeg", "npy").contains(name.substring(dot + 1));
    }
}
