package dev.glassbox.core.inspect;

/**
 * The TCAV scores of one class's inputs for one CAV (Kim et al. 2018): the share of inputs whose directional
 * derivative S(x) = ∇h_k(f_l(x)) · v along the CAV v is positive (TCAV_Q), and the magnitude score Σ max(S, 0) / Σ |S|
 * (the share of the derivatives' absolute mass that is positive; 0 when every derivative is 0).
 *
 * @param score the share of positive directional derivatives
 * @param magnitude the positive share of the derivatives' absolute mass
 */
public record TcavScore(double score, double magnitude) {

    /** The scores of gradients (one row per input, in the layer's flattened shape) along {@code cav}. */
    public static TcavScore of(float[][] gradients, ConceptActivationVector cav) {
        if (gradients.length == 0) {
            throw new IllegalArgumentException("TCAV needs at least one input of the class");
        }
        int positive = 0;
        double positiveMass = 0;
        double mass = 0;
        for (float[] gradient : gradients) {
            double s = cav.directionalDerivative(gradient);
            positive += s > 0 ? 1 : 0;
            positiveMass += Math.max(s, 0);
            mass += Math.abs(s);
        }
        return new TcavScore(positive / (double) gradients.length, mass == 0 ? 0 : positiveMass / mass);
    }
}
