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

/**
 * The prototype layer of a prototype network (Li et al. 2018): {@code m} learned vectors {@code p_j} in the latent
 * space of the encoder, and for each latent code {@code z} the squared distances {@code ‖z − p_j‖²}, one per
 * prototype ({@code batch × features} in, {@code batch × m} out).
 */
public final class PrototypeLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    /** The parameter's name in saved weights. */
    public static final String PARAMETER = "prototypes";

    private final int count;
    private final Parameter prototypes;

    /** A layer of {@code count} prototypes, drawn from N(0, 0.1²) until trained (near the origin, so that early attention is spread over many prototypes and every one of them learns). */
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

    /** The prototypes, {@code m × features}. */
    public NDArray prototypes() {
        return prototypes.getArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        // a differentiable copy in the batch's manager, so that what is computed from it is closed with the batch
        NDArray p = z.getManager().zeros(new Shape(), z.getDataType())
                .add(store.getValue(prototypes, z.getDevice(), training));
        // ‖z‖² − 2 z·p + ‖p‖²
        NDArray cross = z.matMul(p.transpose()).mul(-2);
        NDArray squared = cross.add(z.square().sum(new int[] {1}, true)).add(p.square().sum(new int[] {1}).reshape(1, count));
        return new NDList(squared.maximum(0f));
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
