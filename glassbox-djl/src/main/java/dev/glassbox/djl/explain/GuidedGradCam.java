package dev.glassbox.djl.explain;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayeredModel;
import java.util.ArrayList;
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
    private final RuleBasedAttribution guided;
    private final String layer;
    private final Upsampling upsampling;

    /** Guided Grad-CAM at a layer of a model whose layers glassbox holds. */
    public GuidedGradCam(LayeredModel model, String layer, Upsampling upsampling) {
        this.model = model;
        this.layer = layer;
        this.upsampling = upsampling;
        this.gradCam = ClassActivationMap.gradCam(model, layer, true, upsampling);
        this.guided = RuleBasedAttribution.guidedBackprop(model);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        List<Attribution> maps = gradCam.explain(inputs, target);
        int[] targets = maps.stream().mapToInt(Attribution::target).toArray();
        List<Attribution> guidedMaps = guided.explainTargets(inputs, targets);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layer", layer);
        params.put("upsample", upsampling.name().toLowerCase(java.util.Locale.ROOT));
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            float[] map = maps.get(i).values();
            float[] values = guidedMaps.get(i).values().clone();
            for (int j = 0; j < values.length; j++) {
                values[j] *= map[j % map.length];
            }
            out.add(Attribution.of("guided-gradcam", targets[i], model.inputShape(), values, params, Map.of()));
        }
        return out;
    }
}
