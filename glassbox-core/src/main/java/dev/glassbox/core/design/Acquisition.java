package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.StandardNormal;
import java.util.Locale;

/**
 * How {@link BayesianOptimizer} scores a candidate from the posterior mean μ and standard deviation σ there, for
 * minimisation against the incumbent {@code best} (the lowest posterior mean at an observed point, which is the
 * lowest observation when there is no noise). Larger is more promising; every score comes with its partial derivatives
 * in μ and σ, so that the optimiser can follow its gradient.
 */
public sealed interface Acquisition {
    /** A score and its partial derivatives. */
    record Score(double value, double dMean, double dStd) {
    }

    /** The name used in JSON and on the command line: {@code ei}, {@code lcb} or {@code pi}. */
    String id();

    /** The acquisition's parameter (ξ for EI and PI, κ for LCB). */
    double parameter();

    /** The score at a point where the posterior has mean {@code mean} and standard deviation {@code std}. */
    Score score(double mean, double std, double best);

    /** Expected improvement with ξ = 0. */
    static Acquisition expectedImprovement() {
        return new ExpectedImprovement(0);
    }

    /** Lower confidence bound with κ = 1.96. */
    static Acquisition lowerConfidenceBound() {
        return new LowerConfidenceBound(1.96);
    }

    /** Probability of improvement with ξ = 0.01. */
    static Acquisition probabilityOfImprovement() {
        return new ProbabilityOfImprovement(0.01);
    }

    /** The acquisition named {@code id} ({@code ei}, {@code lcb}, {@code pi}) with its default parameter. */
    static Acquisition of(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "ei" -> expectedImprovement();
            case "lcb" -> lowerConfidenceBound();
            case "pi" -> probabilityOfImprovement();
            default -> throw unknown(id);
        };
    }

    /** The acquisition named {@code id} with its parameter: ξ for {@code ei} and {@code pi}, κ for {@code lcb}. */
    static Acquisition of(String id, double parameter) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "ei" -> new ExpectedImprovement(parameter);
            case "lcb" -> new LowerConfidenceBound(parameter);
            case "pi" -> new ProbabilityOfImprovement(parameter);
            default -> throw unknown(id);
        };
    }

    private static InvalidInputException unknown(String id) {
        return new InvalidInputException("unknown acquisition '" + id + "': expected ei, lcb or pi");
    }

    /**
     * Expected improvement (Jones, Schonlau and Welch 1998): {@code E[max(best − ξ − f, 0)] = I Φ(z) + σ φ(z)} with
     * {@code I = best − ξ − μ}, {@code z = I/σ}.
     *
     * @param xi the margin an improvement must exceed, in the objective's units (≥ 0)
     */
    record ExpectedImprovement(double xi) implements Acquisition {
        public ExpectedImprovement {
            requireNonNegative("ξ", xi);
        }

        @Override
        public String id() {
            return "ei";
        }

        @Override
        public double parameter() {
            return xi;
        }

        @Override
        public Score score(double mean, double std, double best) {
            double improvement = best - xi - mean;
            if (std < 1e-12) {
                return improvement > 0 ? new Score(improvement, -1, 0) : new Score(0, 0, 0);
            }
            double z = improvement / std;
            double cdf = StandardNormal.cdf(z);
            double pdf = StandardNormal.pdf(z);
            return new Score(improvement * cdf + std * pdf, -cdf, pdf);
        }
    }

    /**
     * Lower confidence bound (Srinivas et al. 2010, for minimisation): the score is {@code −(μ − κσ)}.
     *
     * @param kappa the weight of the uncertainty (≥ 0); larger explores more
     */
    record LowerConfidenceBound(double kappa) implements Acquisition {
        public LowerConfidenceBound {
            requireNonNegative("κ", kappa);
        }

        @Override
        public String id() {
            return "lcb";
        }

        @Override
        public double parameter() {
            return kappa;
        }

        @Override
        public Score score(double mean, double std, double best) {
            return new Score(-(mean - kappa * std), -1, kappa);
        }
    }

    /**
     * Probability of improvement (Kushner 1964): {@code P(f < best − ξ) = Φ((best − ξ − μ)/σ)}.
     *
     * @param xi the margin an improvement must exceed, in the objective's units (≥ 0)
     */
    record ProbabilityOfImprovement(double xi) implements Acquisition {
        public ProbabilityOfImprovement {
            requireNonNegative("ξ", xi);
        }

        @Override
        public String id() {
            return "pi";
        }

        @Override
        public double parameter() {
            return xi;
        }

        @Override
        public Score score(double mean, double std, double best) {
            double improvement = best - xi - mean;
            if (std < 1e-12) {
                return new Score(improvement > 0 ? 1 : 0, 0, 0);
            }
            double z = improvement / std;
            double pdf = StandardNormal.pdf(z);
            return new Score(StandardNormal.cdf(z), -pdf / std, -pdf * z / std);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException("the acquisition's " + name + " must be finite and at least 0, was " + value);
        }
    }
}
