package dev.glassbox.djl.sanity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.ParameterizedModel;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Re-draws the parameters of chosen layers of a model in place and puts the originals back. Each float parameter is
 * replaced by seeded draws of its own shape and scale: a normal distribution fitted to its entries (their mean and
 * standard deviation), or for parameters whose entries are all positive (BatchNorm's running variance) a log-normal
 * fitted to their logarithms, so that they stay positive. A parameter whose entries are all equal stays as it is.
 * Draws depend only on the seed and the layer's and parameter's names, so a layer is re-drawn the same way whether
 * alone or in a cascade. The originals are copied when this object is made and written back by {@link #restore()} and
 * {@link #close()}: use it in try-with-resources so that the model is whole again afterwards.
 */
public final class ParameterRandomisation implements AutoCloseable {
    private final Map<String, List<Parameter>> layers;
    private final Map<Parameter, float[]> originals = new IdentityHashMap<>();

    private ParameterRandomisation(Map<String, List<Parameter>> layers) {
        this.layers = layers;
        for (List<Parameter> parameters : layers.values()) {
            for (Parameter p : parameters) {
                NDArray array = p.getArray();
                if (array.getDataType() == DataType.FLOAT32) {
                    originals.put(p, array.toFloatArray());
                }
            }
        }
    }

    /** Randomisation of a model whose parameters glassbox can reach (a DJL or TorchScript model). */
    public static ParameterRandomisation of(Model model) {
        if (!(model instanceof ParameterizedModel parameterized)) {
            throw new InvalidInputException("parameter randomisation needs a model whose parameters glassbox can reach "
                    + "(a DJL model or a TorchScript model); " + model + " is not one");
        }
        Map<String, List<Parameter>> layers = parameterized.parameters();
        if (layers.isEmpty()) {
            throw new InvalidInputException(model + " has no parameters to randomise");
        }
        return new ParameterRandomisation(layers);
    }

    /** The layers that hold parameters, in forward order. */
    public List<String> layers() {
        return List.copyOf(layers.keySet());
    }

    /** Checks that every name is a layer holding parameters, naming the known ones when not. */
    public void requireLayers(List<String> names) {
        for (String name : names) {
            if (!layers.containsKey(name)) {
                throw new InvalidInputException("no layer with parameters named '" + name + "'; layers: "
                        + String.join(", ", layers.keySet()));
            }
        }
    }

    /** Re-draws every float parameter of {@code layer} from {@code seed}. */
    public void randomise(String layer, long seed) {
        requireLayers(List.of(layer));
        for (Parameter p : layers.get(layer)) {
            float[] original = originals.get(p);
            if (original != null) {
                p.getArray().set(redraw(original, new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L
                        * (layer + "/" + p.getName()).hashCode())));
            }
        }
    }

    /** Writes every original parameter back. */
    public void restore() {
        originals.forEach((p, values) -> p.getArray().set(values));
    }

    /** Restores the model. */
    @Override
    public void close() {
        restore();
    }

    /** Draws of the same number and scale as {@code original}. */
    static float[] redraw(float[] original, SplittableRandom random) {
        boolean positive = true;
        for (float v : original) {
            positive &= v > 0;
        }
        double[] fitted = new double[original.length];
        for (int i = 0; i < original.length; i++) {
            fitted[i] = positive ? Math.log(original[i]) : original[i];
        }
        double mean = 0;
        for (double v : fitted) {
            mean += v / fitted.length;
        }
        double variance = 0;
        for (double v : fitted) {
            variance += (v - mean) * (v - mean) / fitted.length;
        }
        double sd = Math.sqrt(variance);
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            double draw = sd == 0 ? fitted[i] : mean + sd * random.nextGaussian();
            out[i] = (float) (positive ? Math.exp(draw) : draw);
        }
        return out;
    }
}
