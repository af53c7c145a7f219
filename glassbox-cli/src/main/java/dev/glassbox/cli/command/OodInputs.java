package dev.glassbox.cli.command;

import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.uncertainty.OodSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The out-of-distribution sets named on the command line: {@code noise} (uniform, as many as the data),
 * {@code flipped} and {@code inverted} (the data upside down, and 1 − x), {@code digits} (300 bundled hand-written
 * digits, for 1×28×28 inputs), or any input file glassbox reads (PNG/JPEG, .npy, CSV).
 */
public final class OodInputs {
    public static final String NOISE = "noise";
    public static final String FLIPPED = "flipped";
    public static final String INVERTED = "inverted";
    public static final String DIGITS = "digits";
    private static final Shape DIGIT_SHAPE = Shape.of(1, 28, 28);

    private OodInputs() {
    }

    /** The sets used when none is named: those that apply to inputs of {@code shape}. */
    public static List<String> defaults(Shape shape) {
        List<String> names = new ArrayList<>(List.of(NOISE));
        if (shape.rank() == 3) {
            names.addAll(List.of(FLIPPED, INVERTED));
        }
        if (shape.equals(DIGIT_SHAPE)) {
            names.add(DIGITS);
        }
        return names;
    }

    /** Each named set as rows shaped like {@code data}. */
    public static Map<String, float[][]> resolve(List<String> names, float[][] data, Shape shape, long seed) {
        Map<String, float[][]> sets = new LinkedHashMap<>();
        for (String name : names) {
            sets.put(name, switch (name) {
                case NOISE -> OodSets.uniformNoise(data.length, shape, seed);
                case FLIPPED -> OodSets.flipped(data, shape);
                case INVERTED -> OodSets.inverted(data);
                case DIGITS -> digits(shape);
                default -> file(name, shape);
            });
        }
        return sets;
    }

    private static float[][] digits(Shape shape) {
        if (!shape.equals(DIGIT_SHAPE)) {
            throw new InvalidInputException("the bundled digits are 1×28×28 images; the model takes " + shape);
        }
        try (BundledDemo bundle = BundledDemo.unpack()) {
            return ImageRows.of(bundle.digits());
        }
    }

    private static float[][] file(String name, Shape shape) {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw new InvalidInputException("unknown out-of-distribution set '" + name + "': expected " + NOISE + ", "
                    + FLIPPED + ", " + INVERTED + ", " + DIGITS + " or an input file");
        }
        return InputFiles.read(path, shape, null).stream().map(Sample::values).toArray(float[][]::new);
    }
}
