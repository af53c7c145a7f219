package dev.glassbox.djl.interpretable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.FashionProtoNet;
import dev.glassbox.djl.zoo.PrototypeLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrototypeNetworkTest {

    @Test
    void attentionWeightsSumToOneAndTheirVoteIsThePrediction() {
        try (BlockModel model = InterpretableNets.protoNet()) {
            float[][] inputs = InterpretableNets.uniform(8, 4, 1);
            List<PrototypeVote> votes = new PrototypeExplainer(model, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE)
                    .explain(inputs);
            float[][] scores = model.predict(inputs);
            for (int i = 0; i < inputs.length; i++) {
                PrototypeVote vote = votes.get(i);
                double sum = 0;
                for (float a : vote.weights()) {
                    assertThat(a).isBetween(0f, 1f);
                    sum += a;
                }
                assertThat(sum).isCloseTo(1, within(1e-6));
                for (int c = 0; c < 3; c++) {
                    assertThat(vote.vote(c)).isCloseTo(scores[i][c], within(1e-6));
                }
                assertThat(vote.voteError()).isLessThan(1e-6);
            }
        }
    }

    @Test
    void removingTheTopPrototypeChangesTheScoresAsTheFormulaSays() {
        try (BlockModel model = InterpretableNets.protoNet()) {
            float[][] inputs = InterpretableNets.uniform(4, 4, 2);
            PrototypeExplainer explainer = new PrototypeExplainer(model, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE);
            List<PrototypeVote> votes = explainer.explain(inputs);
            for (int i = 0; i < inputs.length; i++) {
                PrototypeVote vote = votes.get(i);
                int top = vote.top(1)[0];
                // the same network built with the other four prototypes and their answers only
                try (BlockModel without = InterpretableNets.protoNet(4)) {
                    copyWithout(model, without, top);
                    float[] scores = without.predict(new float[][] {inputs[i]})[0];
                    // the formula divides the float rounding of the scores by 1 − a_j
                    double tolerance = 1e-6 / (1 - vote.weights()[top]);
                    double change = 0;
                    for (int c = 0; c < 3; c++) {
                        assertThat((double) scores[c]).isCloseTo(vote.scoreWithout(top, c), within(tolerance));
                        change = Math.max(change, Math.abs(scores[c] - vote.scores()[c]));
                    }
                    assertThat(change).as("removing the top prototype must matter").isGreaterThan(1e-3);
                }
            }
        }
    }

    /** Copies every parameter of {@code from} into {@code to}, leaving out prototype j's row and answer column. */
    private static void copyWithout(BlockModel from, BlockModel to, int j) {
        var source = from.djlModel().getBlock().getParameters().values();
        var target = to.djlModel().getBlock().getParameters().values();
        for (int k = 0; k < source.size(); k++) {
            NDArray in = source.get(k).getArray();
            NDArray out = target.get(k).getArray();
            long[] shape = in.getShape().getShape();
            int axis = 0;
            while (axis < shape.length && shape[axis] == out.getShape().get(axis)) {
                axis++;
            }
            if (axis == shape.length) {
                out.set(in.toFloatArray());
                continue;
            }
            // the prototypes (m × features) lose row j, the answers (classes × m) column j
            NDArray kept = axis == 0 ? in.get(":" + j).concat(in.get((j + 1) + ":"), 0)
                    : in.get(":, :" + j).concat(in.get(":, " + (j + 1) + ":"), 1);
            out.set(kept.toFloatArray());
        }
    }

    @Test
    void eachPrototypeStartsVotingForItsClass() {
        try (BlockModel model = InterpretableNets.protoNet()) {
            float[][] answers = new PrototypeExplainer(model, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE).answers();
            // 5 prototypes, 3 classes: prototypes 0 and 3 answer class 0, 1 and 4 class 1, 2 class 2
            assertThat(answers).isDeepEqualTo(new float[][] {{5, 0, 0, 5, 0}, {0, 5, 0, 0, 5}, {0, 0, 5, 0, 0}});
        }
        assertThatThrownBy(() -> new ClassVoteInitializer(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void topPrototypesAreOrderedByWeight() {
        PrototypeVote vote = new PrototypeVote(new float[] {0.2f, 0.5f, 0.2f, 0.1f},
                new float[][] {{1, 0, 0, 2}, {0, 1, 3, 0}}, new float[] {0.4f, 1.1f});
        assertThat(vote.top(3)).containsExactly(1, 0, 2);
        assertThat(vote.predicted()).isEqualTo(1);
        assertThat(vote.contribution(2, 1)).isCloseTo(0.6, within(1e-7));
        // (1.1 − 0.5·1) / (1 − 0.5)
        assertThat(vote.scoreWithout(1, 1)).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void lossAddsTheTwoInterpretabilityTermsToCrossEntropy() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = manager.create(new float[] {1, 2, 0, 0, 0, 3}, new Shape(2, 3));
            NDArray distances = manager.create(new float[] {1, 4, 2, 9, 0.5f, 3}, new Shape(2, 3));
            NDList labels = new NDList(manager.create(new float[] {0, 2}));
            float loss = new PrototypeLoss(0.1f, 0.2f).evaluate(labels, new NDList(logits, distances)).getFloat();
            double ce = (-Math.log(Math.exp(1) / (Math.exp(1) + Math.exp(2) + 1))
                    - Math.log(Math.exp(3) / (2 + Math.exp(3)))) / 2;
            double r1 = (1 + 0.5 + 2) / 3.0; // each prototype's nearest example
            double r2 = (1 + 0.5) / 2.0; // each example's nearest prototype
            assertThat((double) loss).isCloseTo(ce + 0.1 * r1 + 0.2 * r2, within(1e-5));
            assertThat((double) Loss.softmaxCrossEntropyLoss().evaluate(labels, new NDList(logits)).getFloat())
                    .isCloseTo(ce, within(1e-5));
        }
    }

    @Test
    void prototypeLayerGivesSquaredDistances() {
        try (BlockModel model = InterpretableNets.protoNet()) {
            float[][] inputs = InterpretableNets.uniform(3, 4, 3);
            float[][] latent = model.activations(inputs, FashionProtoNet.LATENT);
            float[][] distances = model.activations(inputs, FashionProtoNet.DISTANCES);
            float[][] attention = model.activations(inputs, FashionProtoNet.ATTENTION);
            float[] stored = ((PrototypeLayer) model.layers().layer(FashionProtoNet.DISTANCES)).prototypes().toFloatArray();
            for (int i = 0; i < inputs.length; i++) {
                assertThat(norm(latent[i], 0)).as("the latent code has unit length").isCloseTo(1, within(1e-6));
                for (int j = 0; j < 5; j++) {
                    // prototype j is the direction of its stored vector
                    double length = norm(stored, j * 3);
                    double expected = 0;
                    for (int d = 0; d < 3; d++) {
                        double diff = latent[i][d] - stored[j * 3 + d] / length;
                        expected += diff * diff;
                    }
                    assertThat((double) distances[i][j]).isCloseTo(expected, within(1e-5));
                }
                // the attention is softmax(−d / τ) over the prototypes
                double total = 0;
                for (int j = 0; j < 5; j++) {
                    total += Math.exp(-distances[i][j] / FashionProtoNet.TEMPERATURE);
                }
                for (int j = 0; j < 5; j++) {
                    assertThat((double) attention[i][j])
                            .isCloseTo(Math.exp(-distances[i][j] / FashionProtoNet.TEMPERATURE) / total, within(1e-6));
                }
            }
        }
    }

    /** The Euclidean length of the three values of {@code v} from {@code from}. */
    private static double norm(float[] v, int from) {
        double sum = 0;
        for (int d = from; d < from + 3; d++) {
            sum += v[d] * (double) v[d];
        }
        return Math.sqrt(sum);
    }
}
