package dev.glassbox.djl.zoo;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import java.util.List;

/**
 * Trains a prototype network ({@link FashionProtoNet}) with the shared {@link Training} loop and its
 * {@link PrototypeLoss}: during training the network also returns its squared distances to the prototypes, which the
 * loss's interpretability terms need; the returned model is the plain network, whose output is the scores.
 */
public final class PrototypeTraining {
    /** The weight of each interpretability term, as Li et al. set them. */
    public static final float LAMBDA = 0.05f;

    private PrototypeTraining() {
    }

    /** The settings the bundled prototype network and the ordinary CNN it is compared with were trained with. */
    public static Training.Settings defaults() {
        return new Training.Settings(2, 128, 2e-3f, 20261122L);
    }

    /** Trains a fresh prototype network whose layer {@code distances} gives the squared distances to the prototypes. */
    public static BlockModel train(String name, NamedBlocks layers, String distances, LabelledImages data,
            List<String> classNames, Training.Settings settings, Progress progress) {
        Block withDistances = new WithDistances(layers.block(), layers.indexOf(distances));
        Model model = Training.train(name, withDistances, ImageClassifierTraining.examples(data),
                batches -> new PrototypeLoss(LAMBDA, LAMBDA), settings, progress);
        // the parameters belong to the network's own blocks; the wrapper held no parameter of its own
        model.setBlock(layers.block());
        return BlockModel.of(model, layers, new ModelOptions(data.shape(), classNames, ModelOptions.DEFAULT_BATCH));
    }

    /** The network, returning its scores and the output of one of its layers. */
    private static final class WithDistances extends AbstractBlock {
        private final SequentialBlock network;
        private final int tap;

        WithDistances(SequentialBlock network, int tap) {
            super((byte) 1);
            this.network = addChildBlock("network", network);
            this.tap = tap;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDList values = inputs;
            NDList tapped = null;
            var children = network.getChildren();
            for (int i = 0; i < children.size(); i++) {
                values = children.get(i).getValue().forward(store, values, training);
                if (i == tap) {
                    tapped = values;
                }
            }
            return new NDList(values.singletonOrThrow(), tapped.singletonOrThrow());
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            network.initialize(manager, dataType, inputShapes);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape[] shapes = inputShapes;
            Shape[] tapped = null;
            var children = network.getChildren();
            for (int i = 0; i < children.size(); i++) {
                shapes = children.get(i).getValue().getOutputShapes(shapes);
                if (i == tap) {
                    tapped = shapes;
                }
            }
            return new Shape[] {shapes[0], tapped[0]};
        }
    }
}
