package dev.glassbox.core.faithfulness;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The faithfulness of each method, the random baseline included, input by input.
 *
 * @param methods method name → its scores, in the order measured
 */
public record FaithfulnessResult(Map<String, Scores> methods) {

    /**
     * One method's scores.
     *
     * @param deletion each input's deletion curve
     * @param insertion each input's insertion curve
     * @param infidelity each input's infidelity, or {@code null} when not estimated
     * @param maxSensitivity each input's max-sensitivity, or {@code null} when not measured
     */
    public record Scores(List<PerturbationCurves.Curve> deletion, List<PerturbationCurves.Curve> insertion,
            double[] infidelity, double[] maxSensitivity) {

        /** The mean area under the deletion curves (lower is better). */
        public double deletionAuc() {
            return deletion.stream().mapToDouble(PerturbationCurves.Curve::auc).average().orElseThrow();
        }

        /** The mean area under the insertion curves (higher is better). */
        public double insertionAuc() {
            return insertion.stream().mapToDouble(PerturbationCurves.Curve::auc).average().orElseThrow();
        }

        /** The mean infidelity, empty when it was not estimated. */
        public OptionalDouble meanInfidelity() {
            return infidelity == null ? OptionalDouble.empty() : Arrays.stream(infidelity).average();
        }

        /** The mean max-sensitivity, empty when it was not measured. */
        public OptionalDouble meanMaxSensitivity() {
            return maxSensitivity == null ? OptionalDouble.empty() : Arrays.stream(maxSensitivity).average();
        }

        /** The pointwise mean of the deletion curves, or of the insertion curves. */
        public double[] meanCurve(PerturbationCurves.Kind kind) {
            List<PerturbationCurves.Curve> curves = kind == PerturbationCurves.Kind.DELETION ? deletion : insertion;
            double[] out = new double[curves.get(0).scores().length];
            for (PerturbationCurves.Curve curve : curves) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += curve.scores()[i] / curves.size();
                }
            }
            return out;
        }
    }
}
