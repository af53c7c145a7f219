package dev.glassbox.djl;

import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * A {@link DifferentiableModel} whose parameters glassbox can reach, grouped by layer: what model-parameter
 * randomisation re-draws.
 */
public interface ParameterizedModel extends DifferentiableModel {

    /**
     * Each layer that holds parameters, in forward order, with its parameters. The arrays are the model's own: writing
     * into them changes the model.
     */
    Map<String, List<Parameter>> parameters();
}
