package dev.glassbox.djl.interpretable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.Scalars;
import java.util.Arrays;

/**
 * The prototype layer of a prototype network (Li et al. 2018): {@code m} learned prototypes {@code p̂_j} on the unit
 * sphere of the encoder's latent space, and for each latent code {@code z} the squared distances {@code ‖z − p̂_j‖²},
 * one per prototype ({@code batch × features} in, {@code batch × m} out). The layer stores free vectors {@code p_j}
 * and measures distances to their directions {@code p̂_j = p_j / ‖p_j‖}: for unit codes the squared distance is then
 * {@code 2 − 2 cos(z, p_j)}, in [0, 4], so the scale of the codes cannot make an attention on these distances one-hot
 * or flat.
 */
public final class PrototypeLayer extends AbstractBlock {
    /** Version 2: distances to the prototypes' directions (version 1 measured them to the stored vectors). */
    private static final byte VERSION = 2;
    /** The parameter's name in saved weights. */
    public static final String PARAMETER = "prototypes";
    private static final float TINY = 1e-12f;

    private final int count;
    private final Parameter prototypes;

    /** A layer of {@code count} prototypes, their stored vectors drawn from N(0, 0.1²) until trained. */
    public PrototypeLayer(int count) {
        super(VERSION);
        if (count < 1) {
            throw new InvalidInputException("a prototype layer needs at least one prototype, got " + count);
        }
        this.count = count;
        prototypes = addParameter(Parameter.builder().setName(PARAMETER).setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.1f)).build());
    }

    /** The number of prototypes. */
    public int count() {
        return count;
    }

    /** The stored prototype vectors {@code p_j}, {@code m × features} (the layer uses their directions). */
    public NDArray prototypes() {
        return prototypes.getArray();
    }

    /** The prototypes the distances are measured to, {@code p̂_j = p_j / ‖p_j‖}: {@code points()[j]} is prototype j. */
    public float[][] points() {
        float[] flat = unit(prototypes.getArray()).toFloatArray();
        int width = flat.length / count;
        float[][] out = new float[count][];
        for (int j = 0; j < count; j++) {
            out[j] = Arrays.copyOfRange(flat, j * width, (j + 1) * width);
        }
        return out;
    }

    /** Each row divided by its Euclidean norm. */
    public static NDArray unit(NDArray rows) {
        return rows.div(rows.square().sum(new int[] {1}, true).add(TINY).sqrt());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        // a differentiable copy in the batch's manager, so that what is computed from it is closed with the batch
        NDArray p = unit(z.getManager().zeros(new Shape(), z.getDataType())
                .add(store.getValue(prototypes, z.getDevice(), training)));
        // ‖z‖² − 2 z·p̂ + ‖p̂‖²
        NDArray cross = z.matMul(p.transpose()).mul(Scalars.like(z, -2));
        NDArray squared = cross.add(z.square().sum(new int[] {1}, true)).add(p.square().sum(new int[] {1}).reshape(1, count));
        return new NDList(squared.maximum(Scalars.like(squared, 0)));
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        if (inputShapes[0].dimension() != 2) {
            throw new InvalidInputException("a prototype layer takes batch × features inputs, got shape "
                    + inputShapes[0]);
        }
        prototypes.setShape(new Shape(count, inputShapes[0].get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), count)};
    }
}
