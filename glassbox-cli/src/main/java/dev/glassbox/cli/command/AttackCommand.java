package dev.glassbox.cli.command;

import com.google.gson.GsonBuilder;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.NpyWriter;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.model.Capabilities;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.robust.AdversarialAttack;
import dev.glassbox.djl.robust.AttackGoal;
import dev.glassbox.djl.robust.AttackMethod;
import dev.glassbox.djl.robust.AttackNorm;
import dev.glassbox.djl.robust.Fgsm;
import dev.glassbox.djl.robust.InputBounds;
import dev.glassbox.djl.robust.Pgd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox attack}: FGSM or PGD adversarial inputs for each input, written as {@code .npy} and PNG with the
 * perturbation magnified, and {@code attack.json} with the predictions before and after.
 */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find adversarial inputs with FGSM or PGD (cross-entropy of the logits, Captum's conventions) and "
                + "report the predictions before and after.")
public final class AttackCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--method", required = true, paramLabel = "fgsm|pgd", description = "The attack.")
    public String method;

    @Option(names = "--norm", paramLabel = "linf|l2", description = "The ball PGD stays in (default: ${DEFAULT-VALUE}; FGSM is L∞).")
    public String norm = "linf";

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "The radius ε of the ball (FGSM's step).")
    public double epsilon;

    @Option(names = "--step-size", paramLabel = "A", description = "PGD's step α (default: 2.5 ε / steps).")
    public Double stepSize;

    @Option(names = "--steps", paramLabel = "N", description = "PGD's number of steps (default: ${DEFAULT-VALUE}).")
    public int steps = 20;

    @Option(names = "--random-start", description = "Start PGD from a seeded uniform random point of the ball.")
    public boolean randomStart;

    @Option(names = "--target", paramLabel = "pred|N",
            description = "The class attacked: moved away from (default: the predicted one), or reached with --targeted.")
    public String target;

    @Option(names = "--targeted", description = "Lower the cross-entropy of --target N instead of raising it.")
    public boolean targeted;

    @Option(names = "--bounds", paramLabel = "LOW,HIGH", description = "Clamp adversarial inputs to this box, e.g. 0,1.")
    public String bounds;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random start (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AttackMethod attackMethod = AttackMethod.parse(method);
        String attackName = attackMethod.id();
        AttackNorm attackNorm = AttackNorm.parse(norm);
        if (!attackMethod.supports(attackNorm)) {
            throw new InvalidInputException("FGSM is an L∞ attack: use --method pgd for --norm l2");
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new InvalidInputException("--epsilon must be a finite number ≥ 0, was " + epsilon);
        }
        if (steps < 1) {
            throw new InvalidInputException("--steps must be at least 1, was " + steps);
        }
        if (stepSize != null && (!(stepSize >= 0) || stepSize.isInfinite())) {
            throw new InvalidInputException("--step-size must be a finite number ≥ 0, was " + stepSize);
        }
        Target chosen = target == null ? Target.PREDICTED : Target.parse(target);
        if (targeted && chosen == Target.PREDICTED) {
            throw new InvalidInputException("--targeted needs the class to reach: --target N");
        }
        InputBounds box = bounds == null ? InputBounds.NONE : InputBounds.parse(bounds);
        AttackGoal goal = targeted ? AttackGoal.TARGETED : AttackGoal.UNTARGETED;

        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out)) {
            DifferentiableModel differentiable = Capabilities.differentiable(loaded, "an attack");
            float[][] rows = InputArguments.rows(samples);
            float[][] before = loaded.predict(rows);
            int[] classes = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                classes[i] = chosen.resolve(before[i]);
            }
            AdversarialAttack attack;
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("method", attackName);
            settings.put("norm", attackNorm.name().toLowerCase(Locale.ROOT));
            settings.put("epsilon", epsilon);
            if (attackMethod == AttackMethod.FGSM) {
                attack = Fgsm.builder(differentiable).epsilon(epsilon).bounds(box).goal(goal).build();
            } else {
                Pgd.Builder builder = Pgd.builder(differentiable).norm(attackNorm).epsilon(epsilon).steps(steps)
                        .randomStart(randomStart).seed(seed).bounds(box).goal(goal);
                if (stepSize != null) {
                    builder.stepSize(stepSize);
                }
                Pgd pgd = builder.build();
                attack = pgd;
                settings.put("stepSize", pgd.stepSize());
                settings.put("steps", steps);
                settings.put("randomStart", randomStart);
                settings.put("seed", seed);
            }
            settings.put("goal", goal.name().toLowerCase(Locale.ROOT));
            settings.put("target", target == null ? "pred" : target);
            settings.put("bounds", bounds == null ? null : new double[] {box.lower(), box.upper()});
            float[][] adversarial = attack.perturb(rows, classes);
            float[][] after = loaded.predict(adversarial);

            List<Map<String, Object>> results = new ArrayList<>();
            int changed = 0;
            for (int i = 0; i < rows.length; i++) {
                Sample sample = samples.get(i);
                String stem = OutputStems.stem(sample.name()) + "." + attackName;
                write(output.path(), stem, sample.shape(), rows[i], adversarial[i]);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("input", sample.name());
                result.put("file", stem + ".npy");
                result.put("attackedClass", classes[i]);
                result.put("before", prediction(loaded, before[i], classes[i]));
                result.put("after", prediction(loaded, after[i], classes[i]));
                result.put("perturbation", sizes(rows[i], adversarial[i]));
                int predictedBefore = Vectors.argmax(before[i]);
                int predictedAfter = Vectors.argmax(after[i]);
                boolean success = targeted ? predictedAfter == classes[i] : predictedAfter != classes[i];
                result.put("success", success);
                changed += predictedAfter != predictedBefore ? 1 : 0;
                results.add(result);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.model.toString());
            doc.put("attack", settings);
            doc.put("results", results);
            Files.writeString(output.path().resolve("attack.json"),
                    new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(doc));
            output.commit();
            long successes = results.stream().filter(r -> (Boolean) r.get("success")).count();
            spec.commandLine().getOut().printf("%s: %d of %d attack(s) succeeded, %d prediction(s) changed: %s%n",
                    attackName, successes, rows.length, changed, out.resolve("attack.json"));
        }
        return 0;
    }

    static void write(Path dir, String stem, Shape shape, float[] original, float[] adversarial)
            throws IOException {
        NpyWriter.write(adversarial, shape, dir.resolve(stem + ".npy"));
        if (!isImage(shape)) {
            return;
        }
        ImageWriter.write(adversarial, shape, dir.resolve(stem + ".png"));
        float largest = 0;
        for (int j = 0; j < original.length; j++) {
            largest = Math.max(largest, Math.abs(adversarial[j] - original[j]));
        }
        float[] magnified = new float[original.length];
        for (int j = 0; j < original.length; j++) {
            magnified[j] = largest == 0 ? 0.5f : 0.5f + 0.5f * (adversarial[j] - original[j]) / largest;
        }
        ImageWriter.write(magnified, shape, dir.resolve(stem + ".perturbation.png"));
    }

    static boolean isImage(Shape shape) {
        return shape.rank() == 2 || (shape.rank() == 3 && (shape.dim(0) == 1 || shape.dim(0) == 3));
    }

    private static Map<String, Object> prediction(Model model, float[] scores, int attacked) {
        double[] p = model.outputsLogits() ? Vectors.softmax(scores) : Vectors.toDouble(scores);
        int k = Vectors.argmax(scores);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", k);
        out.put("label", model.outputNames().get(k));
        out.put("probability", p[k]);
        out.put("attackedClassProbability", p[attacked]);
        return out;
    }

    private static Map<String, Object> sizes(float[] original, float[] adversarial) {
        double l2 = 0;
        double linf = 0;
        for (int j = 0; j < original.length; j++) {
            double d = adversarial[j] - original[j];
            l2 += d * d;
            linf = Math.max(linf, Math.abs(d));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("linf", linf);
        out.put("l2", Math.sqrt(l2));
        return out;
    }
}
