package dev.glassbox.djl.rules;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.LayerPass;

/** The check shared by reference-based rules. */
final class References {
    private References() {
    }

    /** The pass, or a clear error when it was recorded without a reference batch. */
    static LayerPass require(LayerPass pass) {
        if (!pass.hasReference()) {
            throw new InvalidInputException("layer '" + pass.name() + "' has a reference-based rule (DeepLIFT) but the "
                    + "pass has no reference batch");
        }
        return pass;
    }
}
