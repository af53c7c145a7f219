package dev.glassbox.core.inspect;

import java.util.Arrays;

/**
 * The proponents and opponents of one prediction: the training examples whose removal would raise its loss most
 * (they support it) and lower it most (they oppose it), from any per-training-example influence scores.
 *
 * @param proponents training indices, strongest first (score &gt; 0)
 * @param opponents training indices, strongest first (score &lt; 0)
 */
public record InfluenceRanking(int[] proponents, int[] opponents) {

    /** The top {@code k} proponents and opponents by {@code scores} (positive supports the prediction). */
    public static InfluenceRanking of(double[] scores, int k) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] pro = Arrays.stream(order).limit(k).mapToInt(Integer::intValue).filter(i -> scores[i] > 0).toArray();
        int[] con = new int[Math.min(k, scores.length)];
        int found = 0;
        for (int j = scores.length - 1; j >= 0 && found < con.length; j--) {
            if (scores[order[j]] < 0) {
                con[found++] = order[j];
            }
        }
        return new InfluenceRanking(pro, Arrays.copyOf(con, found));
    }
}
