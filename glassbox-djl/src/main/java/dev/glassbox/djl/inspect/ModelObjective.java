package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.djl.Gradients;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Objective} bound to a model: its value for each sample of a batch and its input gradient, one forward and
 * backward pass per layer the objective reads (the logits count as one). The terms are checked against the model when
 * it is bound: the layers must exist and every channel and position must lie inside the layer's shape.
 */
public final class ModelObjective {
    private final DifferentiableModel model;
    private final Objective objective;
    /** The terms grouped by the layer they read ({@code null}: the logits), in the order they first appear. */
    private final Map<String, List<Objective.Term>> byLayer = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    /** Binds {@code objective} to {@code model}; layer terms need a {@link LayeredModel}. */
    public ModelObjective(DifferentiableModel model, Objective objective) {
        this.model = model;
        this.objective = objective;
        for (Objective.Term term : objective.terms()) {
            byLayer.computeIfAbsent(term.layer(), k -> new ArrayList<>()).add(term);
            Shape shape = term.kind() == Objective.Kind.LOGIT ? Shape.of(model.outputSize())
                    : shapes.computeIfAbsent(term.layer(), layer -> layerShape(model, layer));
            requireInside(term, shape);
        }
    }

    /** The value of each sample and the input gradient of the objective, row by row. */
    public record Evaluation(double[] values, float[][] gradients) {
    }

    /** The bound objective. */
    public Objective objective() {
        return objective;
    }

    /** The model it reads. */
    public DifferentiableModel model() {
        return model;
    }

    /** The objective's value for each sample and its gradient with respect to each sample. */
    public Evaluation evaluate(float[][] batch) {
        double[] values = new double[batch.length];
        float[][] gradients = new float[batch.length][model.inputShape().size()];
        byLayer.forEach((layer, terms) -> {
            Shape shape = shapeOf(layer);
            OutputWeighting weighting = (row, activation) -> cotangent(terms, activation, shape);
            Gradients pass = layer == null ? model.gradients(batch, weighting)
                    : ((LayeredModel) model).activationInputGradient(batch, layer, weighting);
            for (int i = 0; i < batch.length; i++) {
                values[i] += value(terms, pass.scores()[i], shape);
                float[] g = pass.gradients()[i];
                for (int j = 0; j < g.length; j++) {
                    gradients[i][j] += g[j];
                }
            }
        });
        return new Evaluation(values, gradients);
    }

    /** The objective's value for each sample, without input gradients. */
    public double[] values(float[][] batch) {
        double[] values = new double[batch.length];
        byLayer.forEach((layer, terms) -> {
            float[][] activations = layer == null ? model.predict(batch) : activations(model, batch, layer);
            for (int i = 0; i < batch.length; i++) {
                values[i] += value(terms, activations[i], shapeOf(layer));
            }
        });
        return values;
    }

    private Shape shapeOf(String layer) {
        return layer == null ? Shape.of(model.outputSize()) : shapes.get(layer);
    }

    /** The activation of {@code layer} for each sample, flattened in the layer's shape. */
    static float[][] activations(DifferentiableModel model, float[][] batch, String layer) {
        return layered(model, layer).activations(batch, layer);
    }

    /** The shape of one sample's activation at {@code layer}, from one zero sample. */
    static Shape layerShape(DifferentiableModel model, String layer) {
        return layered(model, layer).layerGradient(new float[1][model.inputShape().size()], layer,
                new float[1][model.outputSize()]).shape();
    }

    private static LayeredModel layered(DifferentiableModel model, String layer) {
        if (model instanceof LayeredModel layered) {
            return layered;
        }
        throw new InvalidInputException(model + " has no reachable layers, so layer '" + layer + "' cannot be read: "
                + "load a split TorchScript model, a DJL model or an ONNX model");
    }

    private static void requireInside(Objective.Term term, Shape shape) {
        int channels = shape.dim(0);
        String where = term.kind() == Objective.Kind.LOGIT ? "the model's " + channels + " outputs"
                : "layer '" + term.layer() + "' of shape " + shape;
        if (term.kind() != Objective.Kind.LAYER && term.channel() >= channels) {
            throw new InvalidInputException("unit " + term.channel() + " is out of range for " + where
                    + ": expected 0 to " + (channels - 1));
        }
        if (term.kind() == Objective.Kind.UNIT && (term.y() >= height(shape) || term.x() >= width(shape))) {
            throw new InvalidInputException("position " + term.y() + "," + term.x() + " is outside " + where
                    + ": expected rows below " + height(shape) + " and columns below " + width(shape));
        }
    }

    private static int width(Shape shape) {
        return shape.rank() >= 3 ? shape.dim(shape.rank() - 1) : positions(shape);
    }

    private static int height(Shape shape) {
        return positions(shape) / width(shape);
    }

    private static int positions(Shape shape) {
        return shape.size() / shape.dim(0);
    }

    private static double value(List<Objective.Term> terms, float[] a, Shape shape) {
        int positions = positions(shape);
        double total = 0;
        for (Objective.Term term : terms) {
            double v = 0;
            switch (term.kind()) {
                case UNIT -> v = a[unitIndex(term, shape)];
                case LOGIT -> v = a[term.channel()];
                case CHANNEL -> {
                    for (int j = 0; j < positions; j++) {
                        v += a[term.channel() * positions + j];
                    }
                    v /= positions;
                }
                case LAYER -> {
                    for (float value : a) {
                        v += (double) value * value;
                    }
                    v /= a.length;
                }
            }
            total += term.weight() * v;
        }
        return total;
    }

    private static float[] cotangent(List<Objective.Term> terms, float[] a, Shape shape) {
        int positions = positions(shape);
        float[] w = new float[a.length];
        for (Objective.Term term : terms) {
            switch (term.kind()) {
                case UNIT -> w[unitIndex(term, shape)] += (float) term.weight();
                case LOGIT -> w[term.channel()] += (float) term.weight();
                case CHANNEL -> {
                    for (int j = 0; j < positions; j++) {
                        w[term.channel() * positions + j] += (float) (term.weight() / positions);
                    }
                }
                case LAYER -> {
                    for (int j = 0; j < a.length; j++) {
                        w[j] += (float) (2 * term.weight() * a[j] / a.length);
                    }
                }
            }
        }
        return w;
    }

    private static int unitIndex(Objective.Term term, Shape shape) {
        return term.channel() * positions(shape) + term.y() * width(shape) + term.x();
    }
}
