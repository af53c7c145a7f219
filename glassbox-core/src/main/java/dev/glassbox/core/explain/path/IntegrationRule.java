package dev.glassbox.core.explain.path;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;

/**
 * Quadrature rules for ∫₀¹ g(α) dα with {@code n} evaluations, as Captum names them: points α_i in [0, 1] and weights
 * w_i with Σ w_i = 1.
 */
public enum IntegrationRule {
    /** Left Riemann sum: α_i = i/n, i = 0..n−1. */
    LEFT,
    /** Right Riemann sum: α_i = i/n, i = 1..n. */
    RIGHT,
    /** Midpoint rule: α_i = (i + ½)/n. */
    MIDDLE,
    /** Trapezoid rule on n equally spaced points including both ends. */
    TRAPEZOID,
    /** Gauss–Legendre quadrature mapped from [−1, 1] to [0, 1]; exact for polynomials of degree 2n − 1. */
    GAUSS_LEGENDRE;

    /** Points and weights of a rule. */
    public record Nodes(double[] alphas, double[] weights) {
    }

    /** Parses {@code left|right|middle|trapezoid|gauss-legendre}. */
    public static IntegrationRule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "left", "riemann-left" -> LEFT;
            case "right", "riemann-right" -> RIGHT;
            case "middle", "riemann-middle" -> MIDDLE;
            case "trapezoid", "riemann-trapezoid" -> TRAPEZOID;
            case "gauss-legendre", "gausslegendre" -> GAUSS_LEGENDRE;
            default -> throw new InvalidInputException("unknown integration rule '" + text
                    + "': expected left, right, middle, trapezoid or gauss-legendre");
        };
    }

    /** The command-line name. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule's points and weights for {@code n} evaluations. */
    public Nodes nodes(int n) {
        if (n < 1 || (this == TRAPEZOID && n < 2)) {
            throw new InvalidInputException(cliName() + " integration needs at least " + (this == TRAPEZOID ? 2 : 1)
                    + " steps, got " + n);
        }
        double[] alphas = new double[n];
        double[] weights = new double[n];
        switch (this) {
            case LEFT, RIGHT, MIDDLE -> {
                double offset = this == LEFT ? 0 : this == RIGHT ? 1 : 0.5;
                for (int i = 0; i < n; i++) {
                    alphas[i] = (i + offset) / n;
                    weights[i] = 1.0 / n;
                }
            }
            case TRAPEZOID -> {
                for (int i = 0; i < n; i++) {
                    alphas[i] = i / (double) (n - 1);
                    weights[i] = (i == 0 || i == n - 1 ? 0.5 : 1.0) / (n - 1);
                }
            }
            case GAUSS_LEGENDRE -> gaussLegendre(alphas, weights);
        }
        return new Nodes(alphas, weights);
    }

    /** Legendre roots by Newton's method from Chebyshev starting points, mapped to [0, 1] (ascending). */
    private static void gaussLegendre(double[] alphas, double[] weights) {
        int n = alphas.length;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = n * (x * p1 - p0) / (x * x - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.abs(step) < 1e-15) {
                    break;
                }
            }
            int at = n - 1 - i;
            alphas[at] = 0.5 * (x + 1);
            weights[at] = 1.0 / ((1 - x * x) * derivative * derivative);
        }
    }
}
