package dev.glassbox.bench;

import dev.glassbox.core.design.Acquisition;
import dev.glassbox.core.design.BayesianOptimizer;
import dev.glassbox.core.design.BenchmarkFunction;
import dev.glassbox.core.design.Box;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation against random search with the same budget, over many seeds: Branin with 50 evaluations and
 * Hartmann-6 with 65 (by default), with expected improvement, the lower confidence bound (κ = 1.96) and the
 * probability of improvement (ξ = 0.01), each with the optimiser's defaults (Matérn 5/2, a Latin hypercube of 2d + 1
 * points clamped to [5, 10]). For each function and method it prints the median, quartiles and worst of the best value
 * found and of its gap to the known minimum, how many seeds reach the goal, and the mean time per run.
 *
 * <p>Usage: {@code BayesOptBenchmark [seeds] [functions]}, by default {@code 20 branin:50,hartmann6:65}. Goals: a
 * median gap of at most 1e-3 on Branin, a median best value below −3.2 on Hartmann-6.
 */
public final class BayesOptBenchmark {
    private BayesOptBenchmark() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String[] problems = (args.length > 1 ? args[1] : "branin:50,hartmann6:65").split(",");
        System.out.println("| function | evaluations | method | median best | quartiles of best | worst best | "
                + "median gap | seeds reaching the goal | s per run |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String problem : problems) {
            String[] parts = problem.split(":");
            BenchmarkFunction f = BenchmarkFunction.of(parts[0]);
            int budget = Integer.parseInt(parts[1]);
            for (String method : new String[] {"BO (EI)", "BO (LCB)", "BO (PI)", "random search"}) {
                double[] best = new double[seeds];
                long start = System.nanoTime();
                for (int seed = 0; seed < seeds; seed++) {
                    best[seed] = switch (method) {
                        case "BO (EI)" -> bayesian(f, Acquisition.expectedImprovement(), budget, seed);
                        case "BO (LCB)" -> bayesian(f, Acquisition.lowerConfidenceBound(), budget, seed);
                        case "BO (PI)" -> bayesian(f, Acquisition.probabilityOfImprovement(), budget, seed);
                        default -> random(f, budget, seed);
                    };
                }
                double seconds = (System.nanoTime() - start) / 1e9 / seeds;
                double[] sorted = best.clone();
                Arrays.sort(sorted);
                int reached = 0;
                for (double b : best) {
                    reached += goal(f, b) ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %.6f | %.6f – %.6f | %.6f | %.2e | %d / %d | %.1f |%n",
                        f.id(), budget, method, quantile(sorted, 0.5), quantile(sorted, 0.25),
                        quantile(sorted, 0.75), sorted[seeds - 1], quantile(sorted, 0.5) - f.minimum(), reached, seeds,
                        seconds);
            }
        }
        System.out.println("Goals: Branin gap ≤ 1e-3; Hartmann-6 below −3.2; other functions gap ≤ 1e-2.");
    }

    private static boolean goal(BenchmarkFunction f, double best) {
        return switch (f) {
            case BRANIN -> best - f.minimum() <= 1e-3;
            case HARTMANN6 -> best < -3.2;
            default -> best - f.minimum() <= 1e-2;
        };
    }

    private static double bayesian(BenchmarkFunction f, Acquisition acquisition, int budget, long seed) {
        BayesianOptimizer optimizer = BayesianOptimizer.builder(f.box()).acquisition(acquisition).seed(seed).build();
        for (int i = 0; i < budget; i++) {
            double[] x = optimizer.ask();
            optimizer.tell(x, f.value(x));
        }
        return optimizer.best().value();
    }

    private static double random(BenchmarkFunction f, int budget, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Box box = f.box();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            double[] u = new double[box.dimensions()];
            for (int j = 0; j < u.length; j++) {
                u[j] = random.nextDouble();
            }
            best = Math.min(best, f.value(box.fromUnit(u)));
        }
        return best;
    }

    /** The linearly interpolated quantile of sorted values. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
