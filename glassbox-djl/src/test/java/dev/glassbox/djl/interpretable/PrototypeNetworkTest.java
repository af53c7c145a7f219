package dev.glassbox.djl.interpretable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
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
            PrototypeLayer layer = (PrototypeLayer) model.layers().layer(FashionProtoNet.DISTANCES);
            for (int i = 0; i < inputs.length; i++) {
                PrototypeVote vote = votes.get(i);
                int top = vote.top(1)[0];
                NDArray prototypes = layer.prototypes();
                float[] original = prototypes.toFloatArray();
                // move the prototype so far away that its attention underflows to exactly 0: the network without it
                float[] moved = original.clone();
                for (int d = 0; d < 3; d++) {
                    moved[top * 3 + d] += 1e3f;
                }
                prototypes.set(moved);
                float[] without = model.predict(new float[][] {inputs[i]})[0];
                prototypes.set(original);
                double change = 0;
                for (int c = 0; c < 3; c++) {
                    assertThat((double) without[c]).isCloseTo(vote.scoreWithout(top, c), within(1e-5));
                    change = Math.max(change, Math.abs(without[c] - vote.scores()[c]));
                }
                assertThat(change).as("removing the top prototype must matter").isGreaterThan(1e-3);
            }
        }
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
            float[] p = ((PrototypeLayer) model.layers().layer(FashionProtoNet.DISTANCES)).prototypes().toFloatArray();
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < 5; j++) {
                    double expected = 0;
                    for (int d = 0; d < 3; d++) {
                        double diff = latent[i][d] - p[j * 3 + d];
                        expected += diff * diff;
                    }
                    assertThat((double) distances[i][j]).isCloseTo(expected, within(1e-5));
                }
            }
        }
    }
}
