package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.backprop.RuleBackprop;
import dev.glassbox.djl.rules.GuidedReluRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guided Grad-CAM (Selvaraju et al. 2017): guided backprop multiplied, in every input channel, by Grad-CAM (with its
 * ReLU) upsampled to the input's height and width, as Captum's {@code GuidedGradCam}.
 */
public final class GuidedGradCam implements Explainer {
    private final LayeredModel model;
    private final ClassActivationMap gradCam;
    private final RuleBackprop guided;
    private final String layer;
    private final Upsampling upsampling;

    /** Guided Grad-CAM at a layer of a model whose layers glassbox holds. */
    public GuidedGradCam(LayeredModel model, String layer, Upsampling upsampling) {
        this.model = model;
        this.layer = layer;
        this.upsampling = upsampling;
        this.gradCam = ClassActivationMap.gradCam(model, layer, true, upsampling);
        this.guided = RuleBackprop.over(model, "guided Grad-CAM", List.of(new GuidedReluRule()));
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /**
     * Explains a batch. When no ReLU follows the layer, the cotangent the guided pass carries to the layer is the plain
     * gradient, so one guided pass that keeps the layer gives both maps; otherwise Grad-CAM takes a pass of its own.
     */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        OutputWeighting weighting = OutputWeighting.target(target);
        List<Attribution> maps;
        float[][] guidedMaps;
        int[] targets;
        if (guided.claimsLayersAfter(layer)) {
            maps = gradCam.explain(inputs, target);
            targets = maps.stream().mapToInt(Attribution::target).toArray();
            guidedMaps = guided.pullBack(inputs, OutputWeighting.classes(targets)).gradients();
        } else {
            RuleBackprop.Tapped pass = guided.pullBackTapping(inputs, weighting, layer);
            targets = Arrays.stream(pass.input().scores()).mapToInt(target::resolve).toArray();
            maps = gradCam.maps(pass.layer(), targets);
            guidedMaps = pass.input().gradients();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layer", layer);
        params.put("upsample", upsampling.name().toLowerCase(java.util.Locale.ROOT));
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            float[] map = maps.get(i).values();
            float[] values = guidedMaps[i];
            for (int j = 0; j < values.length; j++) {
                values[j] *= map[j % map.length];
            }
            out.add(Attribution.of("guided-gradcam", targets[i], model.inputShape(), values, params, Map.of()));
        }
        return out;
    }
}
