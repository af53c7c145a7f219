package dev.glassbox.cli.demo;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.command.AttributionMethods;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.report.FaithfulnessSection;
import dev.glassbox.cli.report.PatchSection;
import dev.glassbox.cli.report.RandomisationSection;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.faithfulness.FaithfulnessCheck;
import dev.glassbox.core.faithfulness.Infidelity;
import dev.glassbox.core.faithfulness.PerturbationCurves;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.sanity.RandomisationCheck;
import dev.glassbox.djl.sanity.RandomisationResult;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sanity-check section of {@code glassbox demo}, sized to run in seconds: cascading parameter randomisation of
 * the bundled model through all its layers and faithfulness (deletion and insertion areas, infidelity) on four bundled
 * images of different classes, then the planted-patch check of the bundled model trained with a patch in every
 * 'Shirt' image against the clean bundled model. Cheaper settings than {@code glassbox sanity}'s
 * defaults: 10 SmoothGrad samples, 16 Integrated Gradients steps, 28-step curves, 32 infidelity perturbations and no
 * max-sensitivity. The patch check adds the bundled extremal and meaningful perturbation maps ({@link BundledMaps}).
 */
public final class DemoSanity {
    /** The patch planted into the training images of the bundled planted-patch model. */
    public static final Patch PATCH = new Patch(0, 0, 4, 1f);
    /** The class whose training images carried the patch. */
    public static final int PATCH_CLASS = 6;
    private static final int IMAGES = 4;

    private DemoSanity() {
    }

    /**
     * Adds the sanity sections for the bundled {@code model} (loaded from {@code bundle}) to {@code report}, writing
     * the charts and {@code sanity.json} into {@code dir}.
     */
    public static void addTo(BlockModel model, BundledDemo bundle, Path dir, HtmlReport report) throws IOException {
        Files.createDirectories(dir);
        LabelledImages images = bundle.images();
        List<Sample> samples = distinctClasses(images);
        float[][] rows = InputArguments.rows(samples);
        ExplainOptions options = options();
        Map<String, Explainer> explainers = AttributionMethods.createAll(DemoCommand.DEMO_METHODS, model, options);
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        try (ProgressBars progress = new ProgressBars()) {
            RandomisationResult result = RandomisationCheck.of(model, explainers).seed(options.seed).build()
                    .run(rows, Target.PREDICTED, progress);
            json.put("randomisation", RandomisationSection.write(result, samples, model.outputNames(), report, dir));
            json.put("faithfulness", FaithfulnessSection.write(FaithfulnessCheck.of(model, explainers)
                    .curves(PerturbationCurves.of(model).steps(28).build())
                    .infidelity(Infidelity.of(model).samples(32).build()).build()
                    .run(rows, result.targets(), progress), samples.size(), report, dir));
        }
        try (BlockModel planted = SavedModels.load(bundle.plantedModelDir(), 100)) {
            String context = "The patch-trained model was trained like the bundled one, for 3 epochs, with this "
                    + "patch in every '" + FashionMnist.className(PATCH_CLASS) + "' training image; the reference "
                    + "model is the bundled, clean model. The images are bundled test images of other classes.";
            json.put("spuriousCue", PatchSection.write(PATCH, List.of(
                    new PatchSection.Subject("patch-trained model", planted, withBundled(
                            AttributionMethods.createAll(DemoCommand.DEMO_METHODS, planted, options),
                            bundle.masks().resolve("planted-model"), images)),
                    new PatchSection.Subject("reference model", model,
                            withBundled(explainers, bundle.masks().resolve("model"), images))),
                    context + " Extremal and meaningful perturbations are bundled maps (glassbox explain, computed "
                            + "once).", samples, Target.PREDICTED, options.seed, report));
        }
        Files.writeString(dir.resolve("sanity.json"),
                StableJson.toJson(json));
    }

    /** The explainers followed by the bundled extremal and meaningful maps of the folder's inputs. */
    private static Map<String, Explainer> withBundled(Map<String, Explainer> explainers, Path maps,
            LabelledImages images) {
        Map<String, Explainer> all = new java.util.LinkedHashMap<>(explainers);
        all.putAll(BundledMaps.read(maps, images.shape()));
        return all;
    }

    /** The demo's explanation settings (Grad-CAM with its ReLU) with cheaper sampling. */
    private static ExplainOptions options() {
        ExplainOptions options = new ExplainOptions();
        options.relu = true;
        options.samples = 10;
        options.steps = 16;
        return options;
    }

    /** The first images of {@value #IMAGES} different classes, none of the patch class. */
    private static List<Sample> distinctClasses(LabelledImages images) {
        List<Sample> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>(Set.of(PATCH_CLASS));
        for (int i = 0; i < images.count() && out.size() < IMAGES; i++) {
            if (seen.add(images.label(i))) {
                out.add(images.sample(i, "test-" + i + " (" + FashionMnist.className(images.label(i)) + ")"));
            }
        }
        return out;
    }
}
