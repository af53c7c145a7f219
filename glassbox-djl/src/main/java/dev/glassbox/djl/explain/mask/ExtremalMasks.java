package dev.glassbox.djl.explain.mask;

/**
 * The extremal perturbations of one input, one per area: each mask (height × width, row-major, 1 where the input is
 * kept in the preservation game and where it is deleted in the deletion game), its achieved area (mean value), and the
 * explained class's raw score and probability on the input the mask leaves.
 *
 * @param target the explained class
 * @param areas the target areas, as shares of the image
 * @param masks one mask per area
 * @param achievedAreas each mask's mean value
 * @param scores the class's raw score under each mask
 * @param probabilities the class's probability under each mask
 * @param cleanScore the class's raw score on the unperturbed input
 * @param cleanProbability the class's probability on the unperturbed input
 */
public record ExtremalMasks(int target, double[] areas, float[][] masks, double[] achievedAreas, double[] scores,
        double[] probabilities, double cleanScore, double cleanProbability) {
}
