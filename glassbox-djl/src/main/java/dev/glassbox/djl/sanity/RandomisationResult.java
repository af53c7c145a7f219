package dev.glassbox.djl.sanity;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.metrics.SimilarityMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a model-parameter randomisation check found. Step 0 is the original model; step s (1 ≤ s ≤ layers) has the
 * top s layers randomised (cascading) or layer s alone (independent).
 *
 * @param mode cascading or independent
 * @param layers the layers randomised at steps 1, 2, …, in order
 * @param seed the seed of the re-drawn parameters
 * @param targets the class explained for each input, fixed on the original model's scores
 * @param agreement per step, the share of inputs whose predicted class is still the original model's
 * @param edges per input, the Sobel edge map of the input: a map that no model produced
 * @param maps method → step → one map per input
 * @param similarity method → metric → step → the similarity of each input's map to its original map
 * @param edgeSimilarity method → metric → the similarity of each input's original map to its edge map
 */
public record RandomisationResult(RandomisationCheck.Mode mode, List<String> layers, long seed, int[] targets,
        double[] agreement, List<Attribution> edges, Map<String, List<List<Attribution>>> maps,
        Map<String, Map<SimilarityMetric, double[][]>> similarity,
        Map<String, Map<SimilarityMetric, double[]>> edgeSimilarity) {

    /** The number of steps, the original model included. */
    public int steps() {
        return layers.size() + 1;
    }

    /** The explained methods, in the order they were given. */
    public List<String> methods() {
        return List.copyOf(maps.keySet());
    }

    /** The mean over inputs of a method's similarity to its original maps at a step. */
    public double meanSimilarity(String method, SimilarityMetric metric, int step) {
        return Arrays.stream(similarity.get(method).get(metric)[step]).average().orElseThrow();
    }

    /** The mean over inputs of the similarity of a method's original maps to the inputs' edge maps. */
    public double meanEdgeSimilarity(String method, SimilarityMetric metric) {
        return Arrays.stream(edgeSimilarity.get(method).get(metric)).average().orElseThrow();
    }
}
