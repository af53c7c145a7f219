package dev.glassbox.djl.rules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.LayerBackward;
import dev.glassbox.djl.backprop.LayerPass;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepLIFT at a 2-D max-pool, as Captum does it: with y = pool(x), y′ = pool(x′) and m = max(y, y′), the change
 * m − y′ is routed back to x's maxima and y − m to the reference's maxima, their sum divided by Δx gives the
 * multiplier, and the ordinary gradient is used where |Δx| &lt; 1e-10. The routed changes add up to y − y′, so
 * summation-to-delta holds through the pool. Each window's maxima are found as the layer's own backward pass finds
 * them (the first largest value in row-major order), in one loop per input plane; a shared reference's maxima are
 * found once. In Captum's flavour ({@link DeepLiftRules#CAPTUM}) the changes are routed with the plain cotangent where
 * a claimed node reads the pool's output alone, and inputs equal to the reference take the first row's gradient.
 */
public final class RescaleMaxPoolRule extends OperatorRule {
    private static final float EPSILON = 1e-10f;
    private final Map<Geometry, PoolWindows> windowsByGeometry = new ConcurrentHashMap<>();

    private final DeepLiftRules flavour;

    /** The rule in the given flavour (see {@link DeepLiftRules}). */
    public RescaleMaxPoolRule(DeepLiftRules flavour) {
        super("MaxPool");
        this.flavour = flavour;
    }

    @Override
    public boolean readsPlainCotangent() {
        return flavour == DeepLiftRules.CAPTUM;
    }

    @Override
    public NDArray backward(LayerPass pass, NDArray cotangent, LayerBackward layer) {
        NDArray input = References.require(pass).input();
        Shape shape = input.getShape();
        if (shape.dimension() != 4) {
            throw new InvalidInputException("layer '" + pass.name() + "': DeepLIFT's max-pool rule expects a batch "
                    + "of channels × height × width, got " + shape);
        }
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        PoolWindows windows = windowsByGeometry.computeIfAbsent(new Geometry(pass.node(), height, width),
                geometry -> PoolWindows.of(pass, height, width));
        int rows = Math.toIntExact(shape.get(0));
        FloatBuffer x = DirectFloats.of(input);
        NDArray plain = readsPlainCotangent() ? layer.plainCotangent() : null;
        FloatBuffer incoming = DirectFloats.of(plain == null ? cotangent : plain);
        FloatBuffer reference = DirectFloats.of(pass.referenceInput());
        FloatBuffer own = flavour == DeepLiftRules.CAPTUM ? DirectFloats.of(cotangent) : null;
        return DirectFloats.written(input, true, outgoing -> {
            Routing routing = new Routing(windows, Math.toIntExact(shape.get(1)), height * width, x, incoming, outgoing);
            Planes referencePlanes = routing.referencePlanes(reference, rows);
            // Captum's fallback where the input equals the reference: the first row's gradient, for every row
            float[][] firstRow = flavour == DeepLiftRules.CAPTUM ? routing.firstRowGradient(own) : null;
            DirectFloats.forEach(rows, row -> routing.route(row, referencePlanes, firstRow));
        });
    }

    /** A pool layer and the size of its input planes, which fix its windows. */
    private record Geometry(GraphNode node, int height, int width) {
    }

    /** Input planes copied out of the engine, with each window's maximum in each plane. */
    private record Planes(float[][] values, int[][] maxima) {
    }

    /** One call's arrays: the input's planes, the cotangent per window, and the multipliers written back. */
    private record Routing(PoolWindows windows, int channels, int planeSize, FloatBuffer x, FloatBuffer incoming,
            FloatBuffer outgoing) {

        /** The reference's planes and maxima: one row's when the reference is shared, else every row's. */
        Planes referencePlanes(FloatBuffer reference, int rows) {
            int count = DirectFloats.referenceRows(reference, channels * planeSize, rows) * channels;
            float[][] values = new float[count][planeSize];
            int[][] maxima = new int[count][windows.count()];
            DirectFloats.forEach(count, plane -> {
                reference.get(plane * planeSize, values[plane]);
                windows.argmax(values[plane], maxima[plane]);
            });
            return new Planes(values, maxima);
        }

        /**
         * The pool's own gradient of the first row for {@code cotangent} (one value per window): each window's value
         * goes to its maximum, as the layer's backward pass sends it.
         */
        float[][] firstRowGradient(FloatBuffer cotangent) {
            int count = windows.count();
            float[][] out = new float[channels][planeSize];
            float[] values = new float[planeSize];
            int[] maxima = new int[count];
            for (int channel = 0; channel < channels; channel++) {
                x.get(channel * planeSize, values);
                windows.argmax(values, maxima);
                for (int k = 0; k < count; k++) {
                    out[channel][maxima[k]] += cotangent.get(channel * count + k);
                }
            }
            return out;
        }

        /**
         * Writes the multipliers of one input row (only window maxima receive any; the rest stay zero), and with
         * {@code firstRow} that row's gradient wherever the input equals the reference.
         */
        void route(int row, Planes reference, float[][] firstRow) {
            int count = windows.count();
            float[] values = new float[planeSize];
            int[] maxima = new int[count];
            float[] change = new float[count];
            float[] routed = new float[planeSize];
            float[] gradient = new float[planeSize];
            for (int channel = 0; channel < channels; channel++) {
                int plane = row * channels + channel;
                int referencePlane = reference.values().length == channels ? channel : plane;
                float[] referenceValues = reference.values()[referencePlane];
                int[] atReference = reference.maxima()[referencePlane];
                x.get(plane * planeSize, values);
                incoming.get(plane * count, change);
                windows.argmax(values, maxima);
                for (int k = 0; k < count; k++) {
                    float y = values[maxima[k]];
                    float yReference = referenceValues[atReference[k]];
                    float crossMax = Math.max(y, yReference);
                    routed[maxima[k]] += change[k] * (crossMax - yReference);
                    routed[atReference[k]] += change[k] * (y - crossMax);
                    gradient[maxima[k]] += change[k];
                }
                for (int k = 0; k < 2 * count; k++) {
                    int j = k < count ? maxima[k] : atReference[k - count];
                    float dx = values[j] - referenceValues[j];
                    outgoing.put(plane * planeSize + j, Math.abs(dx) < EPSILON ? gradient[j] : routed[j] / dx);
                }
                for (int k = 0; k < count; k++) {
                    routed[maxima[k]] = 0f;
                    routed[atReference[k]] = 0f;
                    gradient[maxima[k]] = 0f;
                }
                if (firstRow != null) {
                    for (int j = 0; j < planeSize; j++) {
                        if (Math.abs(values[j] - referenceValues[j]) < EPSILON) {
                            outgoing.put(plane * planeSize + j, firstRow[channel][j]);
                        }
                    }
                }
            }
        }
    }
}
