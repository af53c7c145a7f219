package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A box {@code [lower_1, upper_1] × … × [lower_d, upper_d]} of finite bounds with {@code lower_j < upper_j}: the
 * search space of {@link BayesianOptimizer}.
 *
 * @param lower the lower bounds
 * @param upper the upper bounds, each above its lower bound
 */
public record Box(double[] lower, double[] upper) {
    public Box {
        validate(lower, upper);
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * Parses {@code L1:U1,L2:U2,...}, the command line's form.
     *
     * @throws InvalidInputException when a bound is not a number or a lower bound is not below its upper bound
     */
    public static Box parse(String text) {
        String[] parts = text.trim().split(",");
        double[] lower = new double[parts.length];
        double[] upper = new double[parts.length];
        for (int j = 0; j < parts.length; j++) {
            String[] ends = parts[j].trim().split(":");
            if (ends.length != 2) {
                throw new InvalidInputException("bounds must read L1:U1,L2:U2,..., but '" + parts[j].trim()
                        + "' is not LOWER:UPPER");
            }
            try {
                lower[j] = Double.parseDouble(ends[0].trim());
                upper[j] = Double.parseDouble(ends[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("bounds must be numbers, but '" + parts[j].trim() + "' is not");
            }
        }
        return new Box(lower, upper);
    }

    static void validate(double[] lower, double[] upper) {
        if (lower.length == 0 || lower.length != upper.length) {
            throw new InvalidInputException("a box needs as many lower as upper bounds (at least one), got "
                    + lower.length + " and " + upper.length);
        }
        for (int j = 0; j < lower.length; j++) {
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j])) {
                throw new InvalidInputException("bound " + (j + 1) + " must be finite, got " + lower[j] + ":" + upper[j]);
            }
            if (!(lower[j] < upper[j])) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "bound %d: the lower bound %s must be below the upper bound %s", j + 1, lower[j], upper[j]));
            }
        }
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The number of dimensions. */
    public int dimensions() {
        return lower.length;
    }

    /** Whether {@code point} lies in the box (bounds included). */
    public boolean contains(double[] point) {
        if (point.length != lower.length) {
            return false;
        }
        for (int j = 0; j < point.length; j++) {
            if (!(point[j] >= lower[j] && point[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /** The point of the box at unit coordinates {@code unit} ∈ [0, 1]^d. */
    public double[] fromUnit(double[] unit) {
        double[] x = new double[unit.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.min(upper[j], Math.max(lower[j], lower[j] + unit[j] * (upper[j] - lower[j])));
        }
        return x;
    }

    /** The unit coordinates of {@code point}. */
    public double[] toUnit(double[] point) {
        double[] u = new double[point.length];
        for (int j = 0; j < u.length; j++) {
            u[j] = (point[j] - lower[j]) / (upper[j] - lower[j]);
        }
        return u;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < lower.length; j++) {
            s.append(j == 0 ? "" : ",").append(lower[j]).append(':').append(upper[j]);
        }
        return s.toString();
    }
}
