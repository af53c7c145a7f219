package dev.glassbox.djl.interpretable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.FashionProtoNet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearestExamplesTest {
    private static final float[][] POINTS = {{0, 0}, {3, 4}, {1, 0}, {0, 2}, {10, 10}};
    private static final int[] LABELS = {0, 1, 1, 0, 2};

    @Test
    void nearestAreSortedByEuclideanDistanceWithTheirLabels() {
        NearestExamples examples = NearestExamples.ofFeatures(POINTS, LABELS);
        List<NearestExamples.Neighbour> nearest = examples.nearest(new float[] {0, 0.5f}, 3);
        assertThat(nearest).extracting(NearestExamples.Neighbour::index).containsExactly(0, 2, 3);
        assertThat(nearest).extracting(NearestExamples.Neighbour::label).containsExactly(0, 1, 0);
        assertThat(nearest.get(1).distance()).isCloseTo(Math.sqrt(1.25), within(1e-9));
        assertThat(examples.vote(new float[] {0, 0.5f}, 3)).isEqualTo(0);
        // a tie (one vote each) goes to the label of the nearest example
        assertThat(examples.vote(new float[] {0.9f, 0}, 2)).isEqualTo(1);
    }

    @Test
    void agreementCountsQueriesWhoseVoteIsTheModelsClass() {
        NearestExamples examples = NearestExamples.ofFeatures(POINTS, LABELS);
        float[][] queries = {{0, 0.1f}, {9, 9}, {3, 3.9f}, {0.1f, 1.9f}};
        assertThat(examples.agreement(queries, new int[] {0, 2, 0, 0}, 1)).isCloseTo(0.75, within(1e-12));
        assertThatThrownBy(() -> examples.nearest(new float[] {0, 0}, 6)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be between 1 and the 5");
    }

    @Test
    void featuresOfALayerAreItsActivations() {
        try (BlockModel model = InterpretableNets.protoNet()) {
            float[][] inputs = InterpretableNets.uniform(6, 4, 9);
            NearestExamples examples = NearestExamples.of(model, FashionProtoNet.LATENT, inputs, new int[6]);
            float[][] latent = model.activations(inputs, FashionProtoNet.LATENT);
            assertThat(examples.feature(4)).containsExactly(latent[4]);
            assertThat(examples.nearest(latent[4], 1).get(0).index()).isEqualTo(4);
            assertThat(examples.nearest(latent[4], 1).get(0).distance()).isZero();
        }
    }
}
