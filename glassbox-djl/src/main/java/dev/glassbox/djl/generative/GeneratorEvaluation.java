package dev.glassbox.djl.generative;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.generative.FeatureGaussian;
import dev.glassbox.core.generative.FrechetDistance;
import dev.glassbox.core.generative.GeneratedClasses;
import dev.glassbox.core.generative.LatentCodes;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Model;
import dev.glassbox.djl.model.BlockModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generator measured without Inception, on a classifier's penultimate features: the Fréchet distance between the
 * features of {@code n} generated images and of the first {@code n} real test images, the same distance between the
 * next {@code n} real test images and those first ones (the floor: what a perfect generator would score with this
 * many samples), and the classes the classifier sees among the generated images. Codes come from the seed.
 *
 * @param frechetDistance generated against real
 * @param realFloor real against real, at the same sample size
 * @param classes the classifier's classes of the generated images
 * @param samples the number of images on each side
 */
public record GeneratorEvaluation(double frechetDistance, double realFloor, GeneratedClasses classes, int samples) {

    /**
     * Evaluates {@code generator} (codes to flattened images) with {@code classifier}, whose layer {@code features}
     * feeds only layers without parameters that matter in inference and a linear head. {@code real} must hold at
     * least {@code 2 × samples} images.
     */
    public static GeneratorEvaluation of(Model generator, BlockModel classifier, String features, LabelledImages real,
            int samples, long seed) {
        if (samples < 2 || real.count() < 2 * samples) {
            throw new InvalidInputException("the evaluation needs at least 2 samples and twice as many real images; "
                    + "got " + samples + " samples and " + real.count() + " real images");
        }
        float[][] generated = generator.predict(LatentCodes.gaussian(seed, samples, generator.inputShape().size()));
        float[][] generatedFeatures = classifier.activations(generated, features);
        float[][] first = new float[samples][];
        float[][] second = new float[samples][];
        for (int i = 0; i < samples; i++) {
            first[i] = real.image(i);
            second[i] = real.image(samples + i);
        }
        FeatureGaussian reference = FeatureGaussian.of(classifier.activations(first, features));
        double distance = FrechetDistance.between(FeatureGaussian.of(generatedFeatures), reference);
        double floor = FrechetDistance.between(FeatureGaussian.of(classifier.activations(second, features)), reference);
        GeneratedClasses classes;
        try (Model head = classifier.after(features)) {
            classes = GeneratedClasses.of(head.predict(generatedFeatures), classifier.outputNames());
        }
        return new GeneratorEvaluation(distance, floor, classes, samples);
    }

    /** The numbers, for JSON: distances, the smallest class share, the entropy, missing classes and counts. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("frechetDistance", frechetDistance);
        out.put("realFloor", realFloor);
        out.put("samples", samples);
        out.put("classesPresent", classes.classes().size() - classes.missing().size());
        out.put("missingClasses", classes.missing());
        out.put("smallestClassShare", classes.smallestShare());
        out.put("classEntropy", classes.normalisedEntropy());
        out.put("classCounts", classes.byName());
        return out;
    }
}
