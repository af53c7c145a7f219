package dev.glassbox.djl.robust.explanation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.Cotangents;
import dev.glassbox.djl.backprop.Backprop;
import dev.glassbox.djl.backprop.GraphGradients;
import dev.glassbox.djl.backprop.Scalars;
import dev.glassbox.djl.backprop.Tensors;
import dev.glassbox.djl.model.EngineModel;

/**
 * The exact gradient of an explanation attack's loss on a {@link SoftplusSurrogate}: the surrogate's map and output
 * probabilities at each row, the row's {@link MapGoal.Objective} on them, and its gradient with respect to the row by
 * double backward ({@link GraphGradients}, which writes no array's gradient, so the model's weights stay untouched).
 */
final class SurrogateGradient {
    private final SoftplusSurrogate net;
    private final SurrogateMap map;

    SurrogateGradient(SoftplusSurrogate net, SurrogateMap map) {
        this.net = net;
        this.map = map;
    }

    /** Forward and backward passes per row. */
    int pointsPerRow() {
        return map.pointsPerInput();
    }

    /**
     * ∇ loss_i at each row, for the rows' classes and objectives; {@code probabilities} says whether the objectives
     * read the output probabilities.
     */
    double[][] of(float[][] rows, int[] classes, MapGoal.Objective[] objectives, boolean probabilities) {
        EngineModel model = net.model();
        try (NDManager scope = model.manager().newSubManager()) {
            return Backprop.collecting(collector -> {
                NDArray x = Tensors.fromRows(scope, rows, model.inputShape());
                x.setRequiresGradient(true);
                NDArray maps = map.maps(net, x, oneHot(scope, classes, model.outputSize())).reshape(rows.length, -1);
                NDArray p = probabilities ? outputs(model, net.scores(x)) : null;
                NDArray total = null;
                for (int i = 0; i < rows.length; i++) {
                    NDArray loss = objectives[i].loss(maps.get(i), p == null ? null : p.get(i));
                    total = total == null ? loss : total.add(loss);
                }
                float[][] gradients = Tensors.toRows(GraphGradients.of(total, x));
                double[][] out = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = new double[gradients[i].length];
                    for (int j = 0; j < out[i].length; j++) {
                        out[i][j] = gradients[i][j];
                    }
                }
                return out;
            });
        }
    }

    /** One row per class index, 1 at the class and 0 elsewhere, in memory libtorch owns. */
    static NDArray oneHot(NDManager scope, int[] classes, int outputs) {
        return Scalars.owned(Tensors.fromRows(scope, Cotangents.oneHot(classes, outputs), Shape.of(outputs)));
    }

    private static NDArray outputs(EngineModel model, NDArray scores) {
        return model.outputsLogits() ? scores.softmax(-1) : scores;
    }
}
