package dev.glassbox.djl.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.glassbox.core.explain.text.Vocabulary;

/**
 * Token embeddings whose padding token is the zero vector (PyTorch's {@code padding_idx}): ids (as floats, {@code
 * batch × length}) in, one learned vector per id out ({@code batch × length × dimension}), with every {@link
 * Vocabulary#PAD_ID} position zero and never trained. Padding then adds nothing to a sequence, and the all-padding
 * input is the zero baseline of gradient methods on the embeddings.
 */
public final class PaddedEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dimension;
    private final Parameter weight;

    /** Embeddings of {@code vocabularySize} ids in {@code dimension} dimensions, drawn from N(0, 0.1²). */
    public PaddedEmbedding(int vocabularySize, int dimension) {
        super(VERSION);
        this.dimension = dimension;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, dimension)).optInitializer(new NormalInitializer(0.1f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray vectors = Embedding.embedding(ids.toType(DataType.INT64, false),
                store.getValue(weight, ids.getDevice(), training), SparseFormat.DENSE).singletonOrThrow();
        NDArray notPadding = ids.neq(Vocabulary.PAD_ID).toType(vectors.getDataType(), false).expandDims(-1);
        return new NDList(vectors.mul(notPadding));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].add(dimension)};
    }
}
