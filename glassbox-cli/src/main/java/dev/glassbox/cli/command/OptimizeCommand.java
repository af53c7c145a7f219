package dev.glassbox.cli.command;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.design.Acquisition;
import dev.glassbox.core.design.BayesianOptimizer;
import dev.glassbox.core.design.BenchmarkFunction;
import dev.glassbox.core.design.Box;
import dev.glassbox.core.design.CovarianceKernel;
import dev.glassbox.core.design.GpHyperparameters;
import dev.glassbox.core.design.GpPosterior;
import dev.glassbox.core.design.GpPrediction;
import dev.glassbox.core.design.InitialDesign;
import dev.glassbox.core.design.Observation;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.render.LineChart;
import dev.glassbox.core.render.PosteriorPlot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox optimize}: Bayesian optimisation of a built-in test function or of any program, written as
 * {@code history.json}, {@code convergence.png} and, for 1-D and 2-D problems, {@code posterior.png}.
 *
 * <p>A program given with {@code --command} is run once per evaluation by {@code /bin/sh -c}; it reads the point on
 * its standard input as one line of space-separated numbers (also in the environment variable
 * {@code GLASSBOX_POINT}) and prints the value as the last line of its standard output.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Minimise a function with Bayesian optimisation (a Gaussian process and an acquisition "
                + "function): write history.json, convergence.png and, in 1-D and 2-D, posterior.png.")
public final class OptimizeCommand implements Callable<Integer> {
    @Option(names = "--function", paramLabel = "NAME",
            description = "A built-in test function: forrester, branin, six-hump-camel, rosenbrock, ackley, hartmann6.")
    public String function;

    @Option(names = "--command", paramLabel = "CMD",
            description = "A program to minimise, run by /bin/sh -c for each evaluation: it reads the point on stdin "
                    + "as one line of space-separated numbers (also in $GLASSBOX_POINT) and prints its value as the "
                    + "last line of stdout.")
    public String command;

    @Option(names = "--bounds", paramLabel = "L1:U1,L2:U2,...", preprocessor = SignedValue.class,
            description = "The search box (required with --command; a function's usual box by default).")
    public String bounds;

    @Option(names = "--budget", paramLabel = "N", description = "Evaluations in all, resumed ones included (default: ${DEFAULT-VALUE}).")
    public int budget = 30;

    @Option(names = "--acquisition", paramLabel = "ei|lcb|pi",
            description = "Expected improvement, lower confidence bound or probability of improvement (default: "
                    + "${DEFAULT-VALUE}).")
    public String acquisition = "ei";

    @Option(names = "--kappa", paramLabel = "K", description = "LCB's weight of the standard deviation (default 1.96).")
    public Double kappa;

    @Option(names = "--xi", paramLabel = "X",
            description = "The margin an improvement must exceed for EI and PI, in the objective's units (default 0 "
                    + "for EI, 0.01 for PI).")
    public Double xi;

    @Option(names = "--kernel", paramLabel = "matern52|matern32|rbf",
            description = "The Gaussian process's kernel (default: ${DEFAULT-VALUE}).")
    public String kernel = "matern52";

    @Option(names = "--initial", paramLabel = "N",
            description = "Points of the initial design (default: 2d + 1 clamped to [5, 10]).")
    public int initial;

    @Option(names = "--initial-design", paramLabel = "lhs|sobol|random",
            description = "How the initial points are chosen: a Latin hypercube, a Sobol sequence with a random "
                    + "digital shift (up to 21 dimensions) or uniform points (default: ${DEFAULT-VALUE}).")
    public String initialDesign = "lhs";

    @Option(names = "--resume", paramLabel = "HISTORY",
            description = "Continue the run saved in this history.json (its settings, objective and evaluations): "
                    + "the evaluations continue exactly as an uninterrupted run's would, up to --budget in all.")
    public Path resume;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "The longest one evaluation of --command may take (default: ${DEFAULT-VALUE}).")
    public double timeout = 600;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-optimize");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonObject resumed = resume == null ? null : readHistory(resume);
        if (resumed != null && function == null && command == null) {
            JsonObject objective = resumed.getAsJsonObject("objective");
            if (objective != null && objective.has("function")) {
                function = objective.get("function").getAsString();
            } else if (objective != null && objective.has("command")) {
                command = objective.get("command").getAsString();
            }
        }
        if ((function == null) == (command == null)) {
            throw new InvalidInputException("give exactly one of --function NAME and --command CMD");
        }
        BenchmarkFunction builtIn = function == null ? null : BenchmarkFunction.of(function.toLowerCase(Locale.ROOT));
        if (budget < 1) {
            throw new InvalidInputException("--budget must be at least 1, was " + budget);
        }
        if (!(timeout > 0)) {
            throw new InvalidInputException("--timeout must be positive, was " + timeout);
        }
        BayesianOptimizer optimizer = resumed != null ? resumed(resumed) : fresh(builtIn);
        Box box = optimizer.box();
        if (builtIn != null && box.dimensions() != builtIn.dimensions()) {
            throw new InvalidInputException(builtIn.id() + " takes " + builtIn.dimensions() + " values, but --bounds "
                    + "gives " + box.dimensions());
        }
        try (ProgressBars progress = new ProgressBars(); AtomicDirectory output = AtomicDirectory.open(out)) {
            for (int i = optimizer.observations().size(); i < budget; i++) {
                double[] x = optimizer.ask();
                try {
                    optimizer.tell(x, builtIn != null ? builtIn.value(x) : run(x));
                } catch (RuntimeException e) {
                    throw savedSoFar(e, optimizer, builtIn, output);
                }
                progress.update("optimize", i + 1, budget);
            }
            JsonObject history = history(optimizer, builtIn);
            GpPosterior posterior = optimizer.posterior();
            history.add("posterior", posterior(posterior));
            writeHistory(output, history);
            Files.write(output.path().resolve("convergence.png"), convergence(optimizer.observations(), builtIn));
            if (box.dimensions() <= 2) {
                Files.write(output.path().resolve("posterior.png"), picture(optimizer, posterior, box));
            }
            output.commit();
        }
        Observation best = optimizer.best();
        spec.commandLine().getOut().printf(Locale.ROOT, "best value %.6g at %s (evaluation %d of %d); wrote %s%n",
                best.value(), Arrays.toString(best.point()), optimizer.observations().indexOf(best) + 1, budget,
                out);
        return 0;
    }

    /** A new optimiser from the command line's settings. */
    private BayesianOptimizer fresh(BenchmarkFunction builtIn) {
        if (command != null && bounds == null) {
            throw new InvalidInputException("--command needs --bounds L1:U1,L2:U2,...");
        }
        Box box = bounds != null ? Box.parse(bounds) : builtIn.box();
        Double parameter = acquisition.equalsIgnoreCase("lcb") ? kappa : xi;
        return BayesianOptimizer.builder(box)
                .acquisition(parameter == null ? Acquisition.of(acquisition) : Acquisition.of(acquisition, parameter))
                .kernel(CovarianceKernel.of(kernel.toLowerCase(Locale.ROOT)))
                .initialDesign(InitialDesign.of(initialDesign.toLowerCase(Locale.ROOT))).initialPoints(initial)
                .seed(seed).build();
    }

    /** The optimiser of a saved history, refusing settings given again on the command line. */
    private BayesianOptimizer resumed(JsonObject history) {
        for (String option : List.of("--bounds", "--acquisition", "--kappa", "--xi", "--kernel", "--initial",
                "--initial-design", "--seed")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new InvalidInputException("--resume continues with the settings saved in " + resume
                        + "; leave out " + option);
            }
        }
        BayesianOptimizer optimizer = BayesianOptimizer.fromJson(history.toString());
        if (optimizer.observations().size() > budget) {
            throw new InvalidInputException(resume + " already holds " + optimizer.observations().size()
                    + " evaluations, more than --budget " + budget + " (the budget counts them)");
        }
        return optimizer;
    }

    private static JsonObject readHistory(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the history " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + " is not a history.json of glassbox optimize: " + e.getMessage(), e);
        }
    }

    /**
     * Saves the evaluations made before {@code failure} as {@code history.json} in the output folder, so that
     * {@code --resume} continues from them, and returns the error to throw, saying so.
     */
    private RuntimeException savedSoFar(RuntimeException failure, BayesianOptimizer optimizer,
            BenchmarkFunction builtIn, AtomicDirectory output) throws IOException {
        int done = optimizer.observations().size();
        if (done == 0) {
            return failure;
        }
        JsonObject history = history(optimizer, builtIn);
        history.addProperty("stoppedBy", failure.getMessage());
        writeHistory(output, history);
        output.commit();
        return new InvalidInputException(failure.getMessage() + "; the " + done + " evaluations before it are saved "
                + "in " + out.resolve("history.json") + " (continue with --resume)", failure);
    }

    /** The objective, the budget, the optimiser's settings, every evaluation and the best. */
    private JsonObject history(BayesianOptimizer optimizer, BenchmarkFunction builtIn) {
        JsonObject history = new JsonObject();
        JsonObject objective = new JsonObject();
        if (builtIn != null) {
            objective.addProperty("function", builtIn.id());
            objective.addProperty("knownMinimum", builtIn.minimum());
        } else {
            objective.addProperty("command", command);
            objective.addProperty("input", "stdin: one line of space-separated numbers");
        }
        history.add("objective", objective);
        history.addProperty("budget", budget);
        JsonObject state = optimizer.toJson();
        for (String key : List.of("settings", "evaluations", "best")) {
            if (state.has(key)) {
                history.add(key, state.get(key));
            }
        }
        return history;
    }

    private static void writeHistory(AtomicDirectory output, JsonObject history) throws IOException {
        Files.writeString(output.path().resolve("history.json"),
                new GsonBuilder().setPrettyPrinting().create().toJson(history) + "\n", StandardCharsets.UTF_8);
    }

    /** Runs the command at {@code x} and reads its value. */
    private double run(double[] x) {
        String line = Arrays.stream(x).mapToObj(Double::toString).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command);
        builder.environment().put("GLASSBOX_POINT", line);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InvalidInputException("cannot start /bin/sh to run '" + command + "': " + e.getMessage(), e);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread outReader = drain(process.getInputStream(), stdout);
        Thread errReader = drain(process.getErrorStream(), stderr);
        try (OutputStream in = process.getOutputStream()) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the command need not read its input
        }
        try {
            if (!process.waitFor((long) Math.ceil(timeout * 1000), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new InvalidInputException("the command '" + command + "' took longer than " + timeout
                        + " s at " + line);
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the command", e);
        }
        String printed = lastLine(stdout.toString(StandardCharsets.UTF_8));
        if (process.exitValue() != 0) {
            String reason = lastLine(stderr.toString(StandardCharsets.UTF_8));
            throw new InvalidInputException("the command '" + command + "' failed with exit status "
                    + process.exitValue() + " at " + line + (reason.isEmpty() ? "" : ": " + reason));
        }
        switch (printed.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // a number, or a clear error below
            }
        }
        try {
            return Double.parseDouble(printed);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the command '" + command + "' printed '" + printed + "' at " + line
                    + ", not a number");
        }
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static JsonObject posterior(GpPosterior posterior) {
        GpHyperparameters h = posterior.hyperparameters();
        JsonObject o = new JsonObject();
        o.addProperty("kernel", posterior.kernel().id());
        o.addProperty("scale", "inputs mapped to the unit box, outputs standardised");
        JsonArray lengths = new JsonArray();
        for (double l : h.lengthScales()) {
            lengths.add(l);
        }
        o.add("lengthScales", lengths);
        o.addProperty("signalVariance", h.signalVariance());
        o.addProperty("noiseVariance", h.noiseVariance());
        o.addProperty("logMarginalLikelihood", posterior.logMarginalLikelihood());
        return o;
    }

    /** The best value so far against the evaluations, with the known minimum of a built-in function. */
    public static byte[] convergence(List<Observation> observations, BenchmarkFunction builtIn) {
        int n = observations.size();
        double[] bestSoFar = new double[n];
        double running = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            running = Math.min(running, observations.get(i).value());
            bestSoFar[i] = running;
        }
        double low = bestSoFar[n - 1];
        double high = bestSoFar[0];
        List<LineChart.Series> series = new ArrayList<>();
        series.add(LineChart.Series.overSteps("best so far", n == 1 ? new double[] {low, low} : bestSoFar, false));
        if (builtIn != null) {
            low = Math.min(low, builtIn.minimum());
            series.add(LineChart.Series.overSteps("known minimum", new double[] {builtIn.minimum(), builtIn.minimum()},
                    true));
        }
        double pad = high > low ? 0.05 * (high - low) : Math.max(1e-9, 0.1 * Math.abs(low) + 1e-9);
        List<String> ticks = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            double evaluation = 1 + t / 5.0 * Math.max(n - 1, 1);
            ticks.add(Math.abs(evaluation - Math.rint(evaluation)) < 1e-9 ? Long.toString(Math.round(evaluation))
                    : String.format(Locale.ROOT, "%.1f", evaluation));
        }
        return LineChart.png("Best value so far", "evaluation", "best value", low - pad, high + pad, ticks, series);
    }

    /** The posterior and the acquisition of a 1-D or 2-D problem, with the observations and the next point. */
    public static byte[] picture(BayesianOptimizer optimizer, GpPosterior posterior, Box box) {
        double[] next = optimizer.ask();
        double[] lower = box.lower();
        double[] upper = box.upper();
        String name = optimizer.acquisition().id().toUpperCase(Locale.ROOT);
        List<Observation> observations = optimizer.observations();
        if (box.dimensions() == 1) {
            int n = 200;
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] std = new double[n];
            double[][] points = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = lower[0] + i / (double) (n - 1) * (upper[0] - lower[0]);
                points[i] = new double[] {x[i]};
                GpPrediction p = posterior.predict(points[i]);
                mean[i] = p.mean();
                std[i] = p.std();
            }
            double[] acq = optimizer.acquisition(posterior, points);
            double[] ox = observations.stream().mapToDouble(o -> o.point()[0]).toArray();
            double[] oy = observations.stream().mapToDouble(Observation::value).toArray();
            return PosteriorPlot.png(new PosteriorPlot.PosteriorCurve(x, mean, std, acq, ox, oy, next[0]), "x", name);
        }
        int g = 60;
        double[][] mean = new double[g][g];
        double[][] std = new double[g][g];
        double[][] acq = new double[g][g];
        double[][] points = new double[g * g][];
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                double[] point = {lower[0] + (c + 0.5) / g * (upper[0] - lower[0]),
                    lower[1] + (r + 0.5) / g * (upper[1] - lower[1])};
                points[r * g + c] = point;
                GpPrediction p = posterior.predict(point);
                mean[r][c] = p.mean();
                std[r][c] = p.std();
            }
        }
        double[] flat = optimizer.acquisition(posterior, points);
        for (int r = 0; r < g; r++) {
            System.arraycopy(flat, r * g, acq[r], 0, g);
        }
        double[][] observed = observations.stream().map(Observation::point).toArray(double[][]::new);
        return PosteriorPlot.png(new PosteriorPlot.PosteriorSurface(lower, upper, mean, std, acq, observed, next),
                new String[] {"x1", "x2"}, name);
    }

    /**
     * Takes the next argument as {@code --bounds}' value even when it starts with a minus sign ({@code -4:-1.5}, a box
     * below zero), which the command line would otherwise refuse as an unknown option.
     */
    public static final class SignedValue implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandLine.Model.CommandSpec spec, CommandLine.Model.ArgSpec arg,
                Map<String, Object> info) {
            if (args.isEmpty()) {
                return false;
            }
            arg.setValue(args.pop());
            return true;
        }
    }
}
