package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.explain.Saliency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One row of the controlled experiment of Kim et al. (2018, §4.3) for a model trained with a patch planted into a
 * share of one class's images: how much the model relies on the patch (that class's test accuracy with the patch
 * minus without it: the accuracy lost when the concept is removed), its TCAV score for the patch concept at each
 * layer (concept: test images of every class with the patch; random sets: test images without it; scored on the
 * class's test images carrying the patch), and, for contrast, the share of saliency mass (|∂f_k/∂x|) on the patch.
 * Sets are drawn from the test images with the seed: concept examples and random sets from images outside the class.
 */
public final class PlantedConceptCheck {
    private final Patch patch;
    private final int label;
    private final int setSize;
    private final List<String> layers;
    private final int runs;
    private final long seed;

    /**
     * A check of the patch planted into class {@code label}, with concept and random sets of {@code setSize} images,
     * TCAV at {@code layers} with {@code runs} runs, and sets and CAV splits drawn with {@code seed}.
     */
    public PlantedConceptCheck(Patch patch, int label, int setSize, List<String> layers, int runs, long seed) {
        if (setSize < 2) {
            throw new InvalidInputException("concept and random sets need at least 2 images, got " + setSize);
        }
        this.patch = patch;
        this.label = label;
        this.setSize = setSize;
        this.layers = List.copyOf(layers);
        this.runs = runs;
        this.seed = seed;
    }

    /**
     * The check's measurements of one model.
     *
     * @param accuracyWithPatch the class's test accuracy when its images carry the patch
     * @param accuracyWithoutPatch the class's test accuracy on its clean images (the concept removed)
     * @param reliance the accuracy lost when the patch is removed
     * @param saliencyMass the mean share of |saliency| on the patch, over the class's patched test images
     * @param areaShare the share of the image the patch covers (the saliency mass of a map spread evenly)
     * @param tcav TCAV's result for the concept "patch" at each layer
     */
    public record Row(double accuracyWithPatch, double accuracyWithoutPatch, double reliance, double saliencyMass,
            double areaShare, Tcav.Result tcav) {
    }

    /** Measures {@code model} on the test images. */
    public Row measure(LayeredModel model, LabelledImages test, Progress progress) {
        int[] inClass = IntStream.range(0, test.count()).filter(i -> test.label(i) == label).toArray();
        int[] others = IntStream.range(0, test.count()).filter(i -> test.label(i) != label).toArray();
        if (inClass.length == 0) {
            throw new InvalidInputException("the test images hold no image of class " + label);
        }
        float[][] clean = rows(test, inClass, false);
        float[][] patched = rows(test, inClass, true);
        double with = accuracy(model.predict(patched));
        double without = accuracy(model.predict(clean));
        double mass = 0;
        for (Attribution a : Saliency.gradients(model, true).explain(patched, Target.index(label))) {
            mass += patch.massShare(a) / patched.length;
        }
        Tcav built = Tcav.of(model).layers(layers).runs(runs).seed(seed).build();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[][]> concept = new LinkedHashMap<>();
        concept.put("patch", rows(test, draw(others, random), true));
        List<float[][]> randomSets = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            randomSets.add(rows(test, draw(others, random), false));
        }
        Tcav.Result result = built.run(patched, label, concept, randomSets, progress);
        return new Row(with, without, with - without, mass, patch.areaShare(test.shape()), result);
    }

    private int[] draw(int[] pool, SplittableRandom random) {
        if (pool.length < setSize) {
            throw new InvalidInputException("sets of " + setSize + " images need at least that many test images "
                    + "outside the class, got " + pool.length);
        }
        int[] copy = pool.clone();
        for (int i = 0; i < setSize; i++) {
            int j = i + random.nextInt(copy.length - i);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return java.util.Arrays.copyOf(copy, setSize);
    }

    private float[][] rows(LabelledImages images, int[] indices, boolean planted) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            float[] image = images.image(indices[i]);
            out[i] = planted ? patch.plant(image, images.shape()) : image;
        }
        return out;
    }

    private double accuracy(float[][] scores) {
        int correct = 0;
        for (float[] s : scores) {
            correct += Vectors.argmax(s) == label ? 1 : 0;
        }
        return correct / (double) scores.length;
    }
}
