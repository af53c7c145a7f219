package dev.glassbox.core.design;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation (Jones, Schonlau and Welch 1998; Snoek, Larochelle and Adams 2012) of an expensive function
 * over a {@link Box}, for minimisation, as an ask/tell loop: {@link #ask()} proposes the next point, {@link #tell}
 * records its value. The first {@code initialPoints} proposals are a seeded {@link InitialDesign}; after that each
 * proposal fits a {@link GaussianProcess} (Matérn 5/2 by default, inputs mapped to the unit box with length scales
 * between 0.01 and 2, outputs
 * standardised, noise fitted, so that noisy objectives work) to every observation and maximises the {@link
 * Acquisition} over the box: random candidates (a fifth of them drawn around the three best observations), then a
 * box-constrained quasi-Newton search with the acquisition's analytic gradient from the best of them and from the
 * best observation. The incumbent is the lowest posterior mean at an
 * observed point (scikit-optimize's and BoTorch's choice for noisy problems; the lowest observation without noise).
 *
 * <p>Every random choice is drawn from the seed and the number of observations, so the same seed and the same
 * observations give the same proposals: a history saved with {@link #toJson()} and restored with {@link #fromJson}
 * continues exactly as the uninterrupted run would. Asking twice without telling proposes the same point.
 */
public final class BayesianOptimizer {
    private static final double DUPLICATE = 1e-9;
    /** Length scales on the unit box: no input is ruled out (scales far above 1 make it irrelevant). */
    static final double LENGTH_MIN = 1e-2;
    static final double LENGTH_MAX = 2;
    /** The share of candidates drawn around the best observations, and how many of those are used. */
    static final double LOCAL_SHARE = 0.2;
    static final int LEADERS = 3;

    private final Box box;
    private final Acquisition acquisition;
    private final CovarianceKernel kernel;
    private final InitialDesign initialDesign;
    private final int initialPoints;
    private final long seed;
    private final int candidates;
    private final int localStarts;
    private final int hyperparameterRestarts;
    private final double[][] design;
    private final List<Observation> observations = new ArrayList<>();
    private double[] pending;

    private BayesianOptimizer(Builder b) {
        this.box = b.box;
        this.acquisition = b.acquisition;
        this.kernel = b.kernel;
        this.initialDesign = b.initialDesign;
        this.initialPoints = b.initialPoints > 0 ? b.initialPoints : Math.min(10, Math.max(5, 2 * b.box.dimensions() + 1));
        this.seed = b.seed;
        this.candidates = b.candidates;
        this.localStarts = b.localStarts;
        this.hyperparameterRestarts = b.hyperparameterRestarts;
        this.design = initialDesign.unitPoints(initialPoints, box.dimensions(), new SplittableRandom(seed));
    }

    /** A builder over {@code box}: expected improvement, Matérn 5/2, a Latin hypercube of 2d + 1 clamped to [5, 10] points. */
    public static Builder builder(Box box) {
        return new Builder(Objects.requireNonNull(box, "box"));
    }

    /** The search box. */
    public Box box() {
        return box;
    }

    /** The acquisition function. */
    public Acquisition acquisition() {
        return acquisition;
    }

    /** The number of points of the initial design. */
    public int initialPoints() {
        return initialPoints;
    }

    /** The next point to evaluate. */
    public double[] ask() {
        if (pending == null) {
            pending = propose();
        }
        return pending.clone();
    }

    /**
     * Records that the objective took {@code value} at {@code point}.
     *
     * @throws InvalidInputException when the point is outside the box or the value is NaN or infinite
     */
    public void tell(double[] point, double value) {
        if (point.length != box.dimensions()) {
            throw new InvalidInputException("the point has " + point.length + " values, the box " + box.dimensions()
                    + " dimensions");
        }
        if (!box.contains(point)) {
            throw new InvalidInputException("the point " + Arrays.toString(point) + " lies outside the box " + box);
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("the objective's value at " + Arrays.toString(point) + " is " + value
                    + "; Bayesian optimisation needs finite values");
        }
        observations.add(new Observation(point, value));
        pending = null;
    }

    /** Every observation, in the order told. */
    public List<Observation> observations() {
        return Collections.unmodifiableList(new ArrayList<>(observations));
    }

    /** The observation with the lowest value (the first of ties). */
    public Observation best() {
        if (observations.isEmpty()) {
            throw new IllegalStateException("nothing has been told yet");
        }
        Observation best = observations.get(0);
        for (Observation o : observations) {
            if (o.value() < best.value()) {
                best = o;
            }
        }
        return best;
    }

    /** The Gaussian process fitted to the observations as the next {@link #ask()} fits it (at least one needed). */
    public GpPosterior posterior() {
        int n = observations.size();
        if (n == 0) {
            throw new IllegalStateException("a posterior needs at least one observation");
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = observations.get(i).point();
            y[i] = observations.get(i).value();
        }
        return GaussianProcess.builder().kernel(kernel).inputBox(box.lower(), box.upper())
                .restarts(hyperparameterRestarts).seed(mix(seed, n, 1)).maxIterations(60).tolerance(1e-3)
                .lengthScaleBounds(LENGTH_MIN, LENGTH_MAX).build().fit(x, y);
    }

    /** The acquisition at each of {@code points} under {@code posterior}, against the posterior's incumbent. */
    public double[] acquisition(GpPosterior posterior, double[][] points) {
        double best = incumbent(posterior);
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            GpPrediction p = posterior.predict(points[i]);
            out[i] = acquisition.score(p.mean(), p.std(), best).value();
        }
        return out;
    }

    private double incumbent(GpPosterior posterior) {
        double best = Double.POSITIVE_INFINITY;
        for (Observation o : observations) {
            best = Math.min(best, posterior.predict(o.point()).mean());
        }
        return best;
    }

    private double[] propose() {
        int n = observations.size();
        if (n < initialPoints) {
            return box.fromUnit(design[n]);
        }
        GpPosterior posterior = posterior();
        double best = incumbent(posterior);
        int d = box.dimensions();
        double[] zeros = new double[d];
        double[] ones = new double[d];
        Arrays.fill(ones, 1);
        BoundedQuasiNewton.Objective negative = (u, gradient) -> {
            double[] dm = new double[d];
            double[] ds = new double[d];
            GpPrediction p = posterior.predictScaled(u, dm, ds);
            Acquisition.Score s = acquisition.score(p.mean(), p.std(), best);
            for (int j = 0; j < d; j++) {
                gradient[j] = -(s.dMean() * dm[j] + s.dStd() * ds[j]);
            }
            return -s.value();
        };
        SplittableRandom random = new SplittableRandom(mix(seed, n, 2));
        double[][] points = new double[candidates][d];
        double[] scores = new double[candidates];
        List<double[]> leaders = leaders(LEADERS);
        int local = (int) Math.round(LOCAL_SHARE * candidates);
        for (int c = 0; c < candidates; c++) {
            if (c < local) {
                double[] centre = leaders.get(c % leaders.size());
                double radius = c % 2 == 0 ? 0.02 : 0.1;
                for (int j = 0; j < d; j++) {
                    points[c][j] = Math.min(1, Math.max(0, centre[j] + radius * random.nextGaussian()));
                }
            } else {
                for (int j = 0; j < d; j++) {
                    points[c][j] = random.nextDouble();
                }
            }
            scores[c] = -negative.evaluate(points[c], new double[d]);
        }
        Integer[] order = new Integer[candidates];
        for (int c = 0; c < candidates; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> starts = new ArrayList<>();
        for (int k = 0; k < Math.min(localStarts, candidates); k++) {
            starts.add(points[order[k]]);
        }
        starts.add(box.toUnit(best().point()));
        double[] chosen = null;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (double[] start : starts) {
            BoundedQuasiNewton.Result r = BoundedQuasiNewton.minimize(negative, start, zeros, ones, 50, 1e-9);
            if (Double.isFinite(r.value()) && -r.value() > chosenScore && !observed(r.x())) {
                chosen = r.x();
                chosenScore = -r.value();
            }
        }
        for (int k = 0; k < candidates && chosen == null; k++) {
            if (!observed(points[order[k]])) {
                chosen = points[order[k]];
            }
        }
        if (chosen == null) {
            chosen = points[0];
        }
        return box.fromUnit(chosen);
    }

    /** The unit-box positions of the {@code k} lowest observations. */
    private List<double[]> leaders(int k) {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort((a, b) -> Double.compare(a.value(), b.value()));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, sorted.size()); i++) {
            out.add(box.toUnit(sorted.get(i).point()));
        }
        return out;
    }

    /** Whether a unit-box point coincides with an observation. */
    private boolean observed(double[] unit) {
        for (Observation o : observations) {
            double[] u = box.toUnit(o.point());
            double distance = 0;
            for (int j = 0; j < u.length; j++) {
                distance = Math.max(distance, Math.abs(u[j] - unit[j]));
            }
            if (distance < DUPLICATE) {
                return true;
            }
        }
        return false;
    }

    private static long mix(long seed, int n, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The settings and every observation as JSON: {@code settings} (bounds, acquisition and its parameter, kernel,
     * initial design, seed, search sizes), {@code evaluations} (in order: point and value) and {@code best} (its
     * 1-based evaluation number, point and value; absent before the first observation).
     */
    public JsonObject toJson() {
        JsonObject settings = new JsonObject();
        settings.add("lower", array(box.lower()));
        settings.add("upper", array(box.upper()));
        settings.addProperty("acquisition", acquisition.id());
        settings.addProperty("acquisitionParameter", acquisition.parameter());
        settings.addProperty("kernel", kernel.id());
        settings.addProperty("initialDesign", initialDesign.id());
        settings.addProperty("initialPoints", initialPoints);
        settings.addProperty("seed", seed);
        settings.addProperty("candidates", candidates);
        settings.addProperty("localStarts", localStarts);
        settings.addProperty("hyperparameterRestarts", hyperparameterRestarts);
        JsonObject root = new JsonObject();
        root.add("settings", settings);
        JsonArray evaluations = new JsonArray();
        for (Observation o : observations) {
            JsonObject e = new JsonObject();
            e.add("point", array(o.point()));
            e.addProperty("value", o.value());
            evaluations.add(e);
        }
        root.add("evaluations", evaluations);
        if (!observations.isEmpty()) {
            Observation best = best();
            JsonObject b = new JsonObject();
            b.addProperty("evaluation", observations.indexOf(best) + 1);
            b.add("point", array(best.point()));
            b.addProperty("value", best.value());
            root.add("best", b);
        }
        return root;
    }

    /** Writes {@link #toJson()} to {@code file} atomically (a temporary file beside it, then a rename). */
    public void save(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
            Files.writeString(temp, new GsonBuilder().setPrettyPrinting().create().toJson(toJson()),
                    StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** An optimiser with the settings and observations of {@link #toJson()}'s output, ready to continue. */
    public static BayesianOptimizer fromJson(String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
            JsonObject s = root.getAsJsonObject("settings");
            Box box = new Box(doubles(s.getAsJsonArray("lower")), doubles(s.getAsJsonArray("upper")));
            BayesianOptimizer optimizer = builder(box)
                    .acquisition(Acquisition.of(s.get("acquisition").getAsString(),
                            s.get("acquisitionParameter").getAsDouble()))
                    .kernel(CovarianceKernel.of(s.get("kernel").getAsString()))
                    .initialDesign(InitialDesign.of(s.get("initialDesign").getAsString()))
                    .initialPoints(s.get("initialPoints").getAsInt()).seed(s.get("seed").getAsLong())
                    .candidates(s.get("candidates").getAsInt()).localStarts(s.get("localStarts").getAsInt())
                    .hyperparameterRestarts(s.get("hyperparameterRestarts").getAsInt()).build();
            for (var e : root.getAsJsonArray("evaluations")) {
                JsonObject o = e.getAsJsonObject();
                optimizer.tell(doubles(o.getAsJsonArray("point")), o.get("value").getAsDouble());
            }
            return optimizer;
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("not a Bayesian optimisation history: " + e.getMessage(), e);
        }
    }

    /** Reads a history written by {@link #save}. */
    public static BayesianOptimizer resume(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the history " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    /** Settings for {@link BayesianOptimizer}. */
    public static final class Builder {
        private final Box box;
        private Acquisition acquisition = Acquisition.expectedImprovement();
        private CovarianceKernel kernel = CovarianceKernel.MATERN_52;
        private InitialDesign initialDesign = InitialDesign.LATIN_HYPERCUBE;
        private int initialPoints;
        private long seed;
        private int candidates = 1000;
        private int localStarts = 5;
        private int hyperparameterRestarts = 2;

        private Builder(Box box) {
            this.box = box;
        }

        /** The acquisition function (default expected improvement). */
        public Builder acquisition(Acquisition acquisition) {
            this.acquisition = Objects.requireNonNull(acquisition, "acquisition");
            return this;
        }

        /** The Gaussian process's kernel (default Matérn 5/2). */
        public Builder kernel(CovarianceKernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        /** How the first points are chosen (default a Latin hypercube). */
        public Builder initialDesign(InitialDesign design) {
            this.initialDesign = Objects.requireNonNull(design, "design");
            return this;
        }

        /** The number of initial points; 0 (the default) means 2d + 1 clamped to [5, 10]. */
        public Builder initialPoints(int points) {
            if (points < 0) {
                throw new InvalidInputException("the number of initial points must be at least 0, was " + points);
            }
            this.initialPoints = points;
            return this;
        }

        /** The seed of every random choice. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Random candidates scored before the local search of each proposal (default 1000). */
        public Builder candidates(int candidates) {
            if (candidates < 1) {
                throw new InvalidInputException("candidates must be at least 1, was " + candidates);
            }
            this.candidates = candidates;
            return this;
        }

        /** Local searches from the best candidates per proposal (default 5; one more starts at the best point). */
        public Builder localStarts(int starts) {
            if (starts < 0) {
                throw new InvalidInputException("local starts must be at least 0, was " + starts);
            }
            this.localStarts = starts;
            return this;
        }

        /** Random restarts of the marginal-likelihood search per proposal (default 2). */
        public Builder hyperparameterRestarts(int restarts) {
            if (restarts < 0) {
                throw new InvalidInputException("hyperparameter restarts must be at least 0, was " + restarts);
            }
            this.hyperparameterRestarts = restarts;
            return this;
        }

        public BayesianOptimizer build() {
            return new BayesianOptimizer(this);
        }
    }
}
