package dev.glassbox.core.inspect;

import java.util.SplittableRandom;

/**
 * A concept activation vector (Kim et al. 2018): the unit normal of a linear classifier ({@link ConceptClassifier})
 * that tells a concept's activations at a layer from a random set's, pointing towards the concept, with the
 * classifier's accuracy on a held-out share of both sets (a CAV that cannot tell them apart means little).
 *
 * @param direction the unit vector, in the layer's flattened activation space
 * @param heldOutAccuracy the classifier's accuracy on the held-out examples
 * @param heldOut how many examples were held out (of both sets together)
 */
public record ConceptActivationVector(float[] direction, double heldOutAccuracy, int heldOut) {

    /** The share of each set held out by default (as TCAV's reference implementation: a third). */
    public static final double DEFAULT_HELD_OUT = 0.33;

    /**
     * Trains a CAV on a seeded split of each set: round(share · n) examples of each, at least one, are held out (both
     * sets need at least two examples).
     *
     * @param concept the concept's activations, one row per example
     * @param random the random set's activations
     * @param heldOutShare the share of each set held out, in (0, 1)
     * @param c the classifier's inverse regularisation strength
     * @param seed the seed of the split
     */
    public static ConceptActivationVector train(float[][] concept, float[][] random, double heldOutShare, double c,
            long seed) {
        if (concept.length < 2 || random.length < 2) {
            throw new IllegalArgumentException("a concept activation vector needs at least two examples of the concept "
                    + "and two of the random set (one to train on, one to hold out), got " + concept.length + " and "
                    + random.length);
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("the held-out share must lie in (0, 1), got " + heldOutShare);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] conceptSplit = split(concept, heldOutShare, rng);
        float[][][] randomSplit = split(random, heldOutShare, rng);
        ConceptClassifier classifier = ConceptClassifier.fit(conceptSplit[0], randomSplit[0], c);
        float[] w = classifier.weights();
        double norm = 0;
        for (float v : w) {
            norm += v * (double) v;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < w.length; k++) {
            w[k] = norm == 0 ? 0 : (float) (w[k] / norm);
        }
        return new ConceptActivationVector(w, classifier.accuracy(conceptSplit[1], randomSplit[1]),
                conceptSplit[1].length + randomSplit[1].length);
    }

    /** w·g: the directional derivative of the function whose gradient is {@code gradient} along this vector. */
    public double directionalDerivative(float[] gradient) {
        if (gradient.length != direction.length) {
            throw new IllegalArgumentException("the gradient has " + gradient.length + " values but the concept "
                    + "activation vector " + direction.length);
        }
        double sum = 0;
        for (int k = 0; k < direction.length; k++) {
            sum += direction[k] * (double) gradient[k];
        }
        return sum;
    }

    /** A seeded shuffle of the rows cut into {training, held out}. */
    private static float[][][] split(float[][] rows, double share, SplittableRandom rng) {
        float[][] shuffled = rows.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float[] swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int held = (int) Math.max(1, Math.min(rows.length - 1, Math.round(share * rows.length)));
        return new float[][][] {java.util.Arrays.copyOfRange(shuffled, held, rows.length),
            java.util.Arrays.copyOf(shuffled, held)};
    }
}
