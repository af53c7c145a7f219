package dev.glassbox.cli.demo;

import dev.glassbox.cli.command.OptimizeCommand;
import dev.glassbox.core.design.BayesianOptimizer;
import dev.glassbox.core.design.BenchmarkFunction;
import dev.glassbox.core.design.GpPosterior;
import dev.glassbox.core.design.InitialDesign;
import dev.glassbox.core.design.Observation;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The demo's Bayesian optimisation section: {@value #BUDGET} evaluations of Branin by expected improvement after a
 * Sobol design of 8 points, with the best value so far and the final posterior and acquisition. It takes about a
 * second; the history and pictures are also written to {@code dir}.
 */
public final class OptimizationDemo {
    public static final int BUDGET = 30;

    private OptimizationDemo() {
    }

    /** Runs the optimisation and adds the section to {@code report}. */
    public static void addTo(Path dir, HtmlReport report) throws IOException {
        BenchmarkFunction branin = BenchmarkFunction.of("branin");
        BayesianOptimizer optimizer = BayesianOptimizer.builder(branin.box()).initialDesign(InitialDesign.SOBOL)
                .initialPoints(8).seed(1).build();
        for (int i = 0; i < BUDGET; i++) {
            double[] x = optimizer.ask();
            optimizer.tell(x, branin.value(x));
        }
        Files.createDirectories(dir);
        optimizer.save(dir.resolve("history.json"));
        Observation best = optimizer.best();
        GpPosterior posterior = optimizer.posterior();
        byte[] convergence = OptimizeCommand.convergence(optimizer.observations(), branin);
        byte[] picture = OptimizeCommand.picture(optimizer, posterior, branin.box());
        Files.write(dir.resolve("convergence.png"), convergence);
        Files.write(dir.resolve("posterior.png"), picture);
        report.section("Bayesian optimisation");
        report.paragraph(String.format(Locale.ROOT, "Branin's minimum (0.397887) sought with a Gaussian process "
                + "(Matern 5/2) and expected improvement, %d evaluations after a Sobol design of 8 points: the best "
                + "value %.6f at (%.4f, %.4f), evaluation %d. 'glassbox optimize' runs the same on any function or "
                + "program.", BUDGET, best.value(), best.point()[0], best.point()[1],
                optimizer.observations().indexOf(best) + 1));
        report.figure(convergence, "The best value so far", 0);
        report.figure(picture, "The final posterior mean, standard deviation and expected improvement", 0);
    }
}
