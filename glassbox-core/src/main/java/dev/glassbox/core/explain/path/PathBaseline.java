package dev.glassbox.core.explain.path;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference input x′ a path method integrates from, or several references whose attributions are averaged
 * (expected gradients). Each baseline is a flattened array of the input's shape.
 */
public interface PathBaseline {

    /** The references for one input. */
    List<float[]> references(float[] input, Shape shape);

    /** A short description for provenance. */
    String describe();

    /** All zeros. */
    static PathBaseline zero() {
        return constant(0f);
    }

    /** Every element set to {@code value}. */
    static PathBaseline constant(float value) {
        return new PathBaseline() {
            @Override
            public List<float[]> references(float[] input, Shape shape) {
                float[] out = new float[input.length];
                Arrays.fill(out, value);
                return List.of(out);
            }

            @Override
            public String describe() {
                return value == 0f ? "zero" : "constant " + value;
            }
        };
    }

    /** The input blurred by a Gaussian of standard deviation {@code sigma} pixels over its last two axes. */
    static PathBaseline blurred(double sigma) {
        return new PathBaseline() {
            @Override
            public List<float[]> references(float[] input, Shape shape) {
                return List.of(GaussianBlur.blur(input, shape, sigma));
            }

            @Override
            public String describe() {
                return "blur sigma " + sigma;
            }
        };
    }

    /** {@code count} references drawn uniformly from [low, high], from a seed. */
    static PathBaseline uniformNoise(float low, float high, int count, long seed) {
        if (!(high > low) || count < 1) {
            throw new InvalidInputException("uniform noise baselines need low < high and at least one sample");
        }
        return new PathBaseline() {
            @Override
            public List<float[]> references(float[] input, Shape shape) {
                SplittableRandom random = new SplittableRandom(seed);
                float[][] out = new float[count][input.length];
                for (float[] row : out) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = (float) (low + (high - low) * random.nextDouble());
                    }
                }
                return List.of(out);
            }

            @Override
            public String describe() {
                return count + " uniform noise baseline(s) in [" + low + ", " + high + "], seed " + seed;
            }
        };
    }

    /** Given references (e.g. read from a file, or a background sample for expected gradients). */
    static PathBaseline of(List<float[]> references, String description) {
        if (references.isEmpty()) {
            throw new InvalidInputException("a baseline set needs at least one reference");
        }
        List<float[]> copies = references.stream().map(float[]::clone).toList();
        return new PathBaseline() {
            @Override
            public List<float[]> references(float[] input, Shape shape) {
                for (float[] r : copies) {
                    if (r.length != input.length) {
                        throw new InvalidInputException("baseline " + description + " has " + r.length
                                + " values but the input has " + input.length + " (shape " + shape + ")");
                    }
                    Batches.requireFinite(r, "baseline " + description);
                }
                return copies;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
