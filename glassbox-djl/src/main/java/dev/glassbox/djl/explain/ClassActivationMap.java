package dev.glassbox.djl.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CAM (Zhou et al. 2016) and Grad-CAM (Selvaraju et al. 2017) at a convolutional layer: Σ_c α_c A_c over the layer's
 * channels, with α_c the spatial mean of ∂f_k/∂A_c (Grad-CAM) or the linear head's weight for class k (CAM). For a
 * head of global average pooling, (dropout,) and one linear layer the gradient is w_kc/(h·w) everywhere, so CAM reads
 * its weights from the gradient — which works for opaque TorchScript heads too — after checking that the gradient is
 * spatially constant. Optionally the final ReLU, and upsampling to the input's height and width.
 */
public final class ClassActivationMap implements Explainer {
    private final LayeredModel model;
    private final String layer;
    private final boolean cam;
    private final boolean relu;
    private final Upsampling upsampling;

    private ClassActivationMap(LayeredModel model, String layer, boolean cam, boolean relu, Upsampling upsampling) {
        this.model = model;
        this.layer = layer;
        this.cam = cam;
        this.relu = relu;
        this.upsampling = upsampling;
    }

    /** Grad-CAM at a layer; {@code upsampling} null keeps the layer's resolution. */
    public static ClassActivationMap gradCam(LayeredModel model, String layer, boolean relu, Upsampling upsampling) {
        return new ClassActivationMap(model, layer, false, relu, upsampling);
    }

    /** CAM at the layer feeding a global-average-pooling + linear head. */
    public static ClassActivationMap cam(LayeredModel model, String layer, boolean relu, Upsampling upsampling) {
        return new ClassActivationMap(model, layer, true, relu, upsampling);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /** Maps for a whole batch from one layer-gradient pass, each for the class its target resolves to. */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        LayerGradient g = model.layerGradient(inputs, layer, OutputWeighting.target(target));
        return maps(g, Arrays.stream(g.scores()).mapToInt(target::resolve).toArray());
    }

    /**
     * The maps of a layer gradient taken at this map's layer (channels × height × width), each for the class it was
     * taken for.
     */
    public List<Attribution> maps(LayerGradient g, int[] classes) {
        Shape shape = g.shape();
        if (shape.rank() != 3) {
            throw new InvalidInputException((cam ? "CAM" : "Grad-CAM") + " needs a convolutional layer with output "
                    + "channels × height × width; layer '" + layer + "' gives " + shape);
        }
        List<Attribution> out = new ArrayList<>(classes.length);
        for (int i = 0; i < classes.length; i++) {
            out.add(map(g.activations()[i], g.gradients()[i], shape, classes[i]));
        }
        return out;
    }

    private Attribution map(float[] activation, float[] gradient, Shape shape, int k) {
        int channels = shape.dim(0);
        int plane = shape.dim(1) * shape.dim(2);
        float[] map = new float[plane];
        for (int c = 0; c < channels; c++) {
            double weight = channelWeight(gradient, c * plane, plane);
            for (int p = 0; p < plane; p++) {
                map[p] += (float) (weight * activation[c * plane + p]);
            }
        }
        if (relu) {
            for (int p = 0; p < plane; p++) {
                map[p] = Math.max(0f, map[p]);
            }
        }
        Shape mapShape = Shape.of(1, shape.dim(1), shape.dim(2));
        Shape input = model.inputShape();
        if (upsampling != null && input.rank() >= 2) {
            int outH = input.dim(input.rank() - 2);
            int outW = input.dim(input.rank() - 1);
            map = upsampling.resize(map, shape.dim(1), shape.dim(2), outH, outW);
            mapShape = Shape.of(1, outH, outW);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layer", layer);
        params.put("relu", relu);
        params.put("upsample", upsampling == null ? "none" : upsampling.name().toLowerCase(java.util.Locale.ROOT));
        params.put("layerShape", shape.toString());
        return Attribution.of(cam ? "cam" : "gradcam", k, mapShape, map, params, Map.of());
    }

    /** Grad-CAM: the spatial mean gradient. CAM: the head weight, after checking the gradient is spatially constant. */
    private double channelWeight(float[] gradient, int from, int plane) {
        double sum = 0;
        for (int p = from; p < from + plane; p++) {
            sum += gradient[p];
        }
        double mean = sum / plane;
        if (!cam) {
            return mean;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = from; p < from + plane; p++) {
            min = Math.min(min, gradient[p]);
            max = Math.max(max, gradient[p]);
        }
        if (max - min > 1e-6 * Math.max(1e-12, Math.max(Math.abs(max), Math.abs(min)))) {
            throw new InvalidInputException("CAM needs a head of global average pooling then a linear layer after '"
                    + layer + "', but the gradient there varies across positions; use gradcam instead");
        }
        return mean * plane;
    }
}
