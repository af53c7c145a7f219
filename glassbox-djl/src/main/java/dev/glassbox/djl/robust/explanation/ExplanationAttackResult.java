package dev.glassbox.djl.robust.explanation;

/**
 * One input's outcome of an attack on its explanation (or of a random perturbation of the same size).
 *
 * @param perturbed the perturbed input, flattened like the input
 * @param originalMap the absolute map of the input
 * @param map the absolute map of the perturbed input, for the same class
 * @param classBefore the class predicted for the input (the class explained)
 * @param probabilityBefore its probability
 * @param classAfter the class predicted for the perturbed input
 * @param probabilityAfter the probability of {@code classAfter}
 * @param shift how far the map moved
 * @param lossBefore the attack's loss at the input
 * @param lossAfter the attack's loss at the perturbed input
 * @param acceptedSteps the steps that kept the prediction and were taken (0 for a random perturbation)
 */
public record ExplanationAttackResult(float[] perturbed, float[] originalMap, float[] map, int classBefore,
        double probabilityBefore, int classAfter, double probabilityAfter, MapShift shift, double lossBefore,
        double lossAfter, int acceptedSteps) {

    /** Whether the perturbed input keeps the predicted class. */
    public boolean predictionKept() {
        return classAfter == classBefore;
    }
}
