package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.Target;
import dev.glassbox.cli.command.AttributionMethods;
import dev.glassbox.cli.demo.BundledDemo;
import dev.glassbox.cli.demo.BundledMaps;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.zoo.SavedModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledMapsTest {

    @Test
    void theBundledMapsAreWhatExplainMakesAndServeTheirOwnInputsOnly() {
        try (BundledDemo bundle = BundledDemo.unpack(); BlockModel model = SavedModels.load(bundle.modelDir(), 100)) {
            LabelledImages images = bundle.images();
            Map<String, Explainer> bundled = BundledMaps.read(bundle.masks().resolve("model"), images.shape());
            assertThat(bundled.keySet()).containsExactly("extremal", "meaningful");
            // the first test image opens the demo's grid; its meaningful perturbation made afresh, as explain makes it
            float[] first = images.image(0);
            Attribution stored = bundled.get("meaningful").explain(first, Target.PREDICTED);
            Attribution fresh = AttributionMethods.create("meaningful", model, new ExplainOptions())
                    .explain(first, Target.PREDICTED);
            assertThat(stored.target()).isEqualTo(fresh.target());
            assertThat(stored.values()).containsExactly(fresh.values(), within(1e-3f));
            assertThat(bundled.get("extremal").explain(first, Target.PREDICTED).diagnostics())
                    .containsKeys("maskArea@0.05", "maskArea@0.1", "maskArea@0.2");
            assertThatThrownBy(() -> bundled.get("extremal").explain(images.image(199), Target.PREDICTED))
                    .hasMessageContaining("no bundled extremal map");
            assertThatThrownBy(() -> bundled.get("extremal").explain(first, Target.index(3)))
                    .hasMessageContaining("predicted class only");
        }
    }
}
