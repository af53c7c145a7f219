package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;

/**
 * Fong et al. 2019's area constraint as a penalty: R_a(m) = (1/N) Σ_i (sort(m)_i − r_i)², where sort(m) lists the N
 * mask values in ascending order and r holds ⌊N(1 − a)⌋ zeros followed by ones. It is zero exactly when the mask is
 * binary with a share {@code a} of ones, whatever their place, so it constrains the area and leaves the choice of
 * region to the model's score.
 */
final class AreaConstraint {
    private final double area;

    AreaConstraint(double area) {
        this.area = requireArea(area);
    }

    /** {@code area} if it lies strictly between 0 and 1, else a one-line error. */
    static double requireArea(double area) {
        if (!(area > 0 && area < 1)) {
            throw new InvalidInputException("a mask's area must lie strictly between 0 and 1 (a share of the image), got "
                    + area);
        }
        return area;
    }

    /** The target area. */
    double area() {
        return area;
    }

    /** Adds {@code weight} · ∂R/∂m to {@code gradient} and returns R(m). */
    double addGradient(double[] mask, double weight, double[] gradient) {
        int n = mask.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mask[a], mask[b]));
        int zeros = (int) Math.floor(n * (1 - area));
        double penalty = 0;
        for (int rank = 0; rank < n; rank++) {
            int i = order[rank];
            double diff = mask[i] - (rank < zeros ? 0 : 1);
            penalty += diff * diff;
            gradient[i] += weight * 2 * diff / n;
        }
        return penalty / n;
    }
}
