package dev.glassbox.cli.command;

import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.catalogue.CatalogueEntry;
import dev.glassbox.core.explain.catalogue.MethodCatalogue;
import dev.glassbox.core.explain.catalogue.MethodSettings;
import dev.glassbox.core.explain.catalogue.Requirement;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.grouping.Quickshift;
import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.explain.grouping.Slic;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the command line's method names and shared options into explainers: the names are looked up in the library's
 * {@link MethodCatalogue}, and the options become its {@link MethodSettings} (files read, spellings parsed).
 */
public final class AttributionMethods {
    /** Every method on the class path. */
    public static final MethodCatalogue CATALOGUE = MethodCatalogue.standard();

    private AttributionMethods() {
    }

    /** The names of the methods that need gradients, in help order. */
    public static List<String> gradientNames() {
        return CATALOGUE.entries().stream().filter(e -> e.needs().contains(Requirement.GRADIENTS))
                .map(CatalogueEntry::name).toList();
    }

    /** Explainers for each named method, keyed by the trimmed name, in the order given. */
    public static Map<String, Explainer> createAll(List<String> methods, Model model, ExplainOptions options) {
        return createAll(methods, model, options, null);
    }

    /**
     * Explainers for each named method; {@code columns} names tabular features or is {@code null}. Files the options
     * name (the background, a reference input) are read once for all the methods.
     */
    public static Map<String, Explainer> createAll(List<String> methods, Model model, ExplainOptions options,
            List<String> columns) {
        SettingsByFamily settings = new SettingsByFamily(options, model.inputShape(), columns);
        Map<String, Explainer> out = new LinkedHashMap<>();
        for (String method : methods) {
            CatalogueEntry entry = CATALOGUE.require(method);
            out.put(method.trim(), entry.create(model, settings.of(entry)));
        }
        return out;
    }

    /** An explainer for an image or array input. */
    public static Explainer create(String method, Model model, ExplainOptions options) {
        return create(method, model, options, null);
    }

    /** An explainer; {@code columns} names the features of tabular inputs, else {@code null}. */
    public static Explainer create(String method, Model model, ExplainOptions options, List<String> columns) {
        CatalogueEntry entry = CATALOGUE.require(method);
        return entry.create(model, new SettingsByFamily(options, model.inputShape(), columns).of(entry));
    }

    /**
     * The library's settings from the command line's options: methods with gradients get the reference input
     * (--baseline read as zero, blur, noise or a file), the others the background rows or the removal values; each is
     * made, and its files read, the first time a method needs it.
     */
    private static final class SettingsByFamily {
        private final ExplainOptions options;
        private final Shape shape;
        private final List<String> columns;
        private MethodSettings gradient;
        private MethodSettings perturbation;

        SettingsByFamily(ExplainOptions options, Shape shape, List<String> columns) {
            this.options = options;
            this.shape = shape;
            this.columns = columns;
        }

        MethodSettings of(CatalogueEntry entry) {
            if (entry.needs().contains(Requirement.GRADIENTS)) {
                if (gradient == null) {
                    gradient = shared().reference(reference(options, shape)).build();
                }
                return gradient;
            }
            if (perturbation == null) {
                MethodSettings.Builder b = shared();
                if (options.background != null) {
                    b.background(rows(options, options.background, shape));
                } else {
                    b.removal(removal(options, shape));
                }
                perturbation = b.build();
            }
            return perturbation;
        }

        /** Everything but the reference input, the background and the removal values. */
        private MethodSettings.Builder shared() {
            ExplainOptions o = options;
            int[] window = o.window != null ? o.window.over(columns != null ? 1 : 2) : null;
            boolean keepResolution = o.upsample != null && o.upsample.equalsIgnoreCase("none");
            return MethodSettings.builder().seed(o.seed).samples(o.samples).steps(o.steps)
                    .integrationRule(IntegrationRule.parse(o.rule)).noise(o.noise).absolute(o.abs).layer(o.layer)
                    .relu(o.relu).layerResolution(keepResolution)
                    .upsampling(o.upsample == null || keepResolution ? null : Upsampling.parse(o.upsample))
                    .deepLiftRules(o.deepLiftRules).lrpEpsilon(o.lrpEpsilon).lrpGamma(o.lrpGamma).lrpAlpha(o.lrpAlpha)
                    .lrpLow(o.lrpBounds.get(0)).lrpHigh(o.lrpBounds.get(1)).window(window)
                    .stride(o.stride != null ? o.stride.over(window != null ? window.length : columns != null ? 1 : 2)
                            : null)
                    .segmenter(o.segments != null ? segmenter(o.segments, shape, o.seed) : null).columns(columns)
                    .threshold(o.threshold).probabilities(o.probabilities).threads(o.threads)
                    .memoryBudgetBytes(o.memoryBudgetMb << 20).padding(o.padding).pdaSampling(o.pdaSampling)
                    .trainingCount(o.laplaceN).kmeans(o.kmeans)
                    .areas(o.areas.stream().mapToDouble(Double::doubleValue).toArray()).maskVariant(o.variant)
                    .maskPerturbation(maskPerturbation(o)).maskIterations(o.iterations);
        }
    }

    /** What the mask methods put in removed pixels: the input blurred by --blur-sigma, or a constant. */
    private static PathBaseline maskPerturbation(ExplainOptions options) {
        if (options.perturbation.equalsIgnoreCase("blur")) {
            return PathBaseline.blurred(options.blurSigma);
        }
        try {
            return PathBaseline.constant(Float.parseFloat(options.perturbation));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--perturbation takes blur or a number, not '" + options.perturbation + "'");
        }
    }

    /** Integrated Gradients' and DeepLIFT's reference: zero, blurred, noise, or the inputs of a file (averaged over). */
    private static PathBaseline reference(ExplainOptions options, Shape shape) {
        return switch (options.baseline.toLowerCase(Locale.ROOT)) {
            case "zero" -> PathBaseline.zero();
            case "blur" -> PathBaseline.blurred(options.blurSigma);
            case "noise" -> PathBaseline.uniformNoise(0f, 1f, 1, options.seed);
            default -> {
                Path file = Path.of(options.baseline);
                List<float[]> references = InputFiles.read(file, shape, ImageOptions.defaults()).stream()
                        .map(Sample::values).toList();
                yield PathBaseline.of(references, file.getFileName().toString());
            }
        };
    }

    /** What perturbation methods put in place of removed features: zero, a constant, means, blur, or a file's rows. */
    private static dev.glassbox.core.explain.perturb.Baseline removal(ExplainOptions options, Shape shape) {
        String b = options.baseline.trim().toLowerCase(Locale.ROOT);
        switch (b) {
            case "zero":
                return dev.glassbox.core.explain.perturb.Baseline.constant(0f);
            case "means":
                return dev.glassbox.core.explain.perturb.Baseline.groupMeans();
            case "blur":
                return dev.glassbox.core.explain.perturb.Baseline.blurred(options.blurSigma);
            default:
                break;
        }
        try {
            return dev.glassbox.core.explain.perturb.Baseline.constant(Float.parseFloat(b));
        } catch (NumberFormatException notANumber) {
            return dev.glassbox.core.explain.perturb.Background.of(rows(options, Path.of(options.baseline), shape));
        }
    }

    private static Segmenter segmenter(String spec, Shape shape, long seed) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("pixels")) {
            return Segmenter.fixed(FeatureGrouping.pixels(shape));
        }
        if (s.equals("elements")) {
            return Segmenter.fixed(FeatureGrouping.elements(shape));
        }
        if (s.equals("quickshift")) {
            return Quickshift.builder().seed(seed).build();
        }
        if (s.startsWith("slic:")) {
            try {
                return Slic.builder().segments(Integer.parseInt(s.substring(5))).build();
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cannot read --segments " + spec + ": expected slic:N with N a number");
            }
        }
        throw new InvalidInputException("unknown --segments '" + spec + "': expected slic:N, quickshift, pixels or elements");
    }

    /** Rows from a file, or a Fashion-MNIST folder's training images. */
    private static float[][] rows(ExplainOptions options, Path file, Shape shape) {
        if (Files.isDirectory(file)) {
            return ImageRows.of(FashionMnist.train(file));
        }
        return InputFiles.read(file, shape, ImageOptions.defaults(), options.csvHeader).stream().map(Sample::values)
                .toArray(float[][]::new);
    }
}
