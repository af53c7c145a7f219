package dev.glassbox.djl.rules;

import dev.glassbox.djl.backprop.Rule;
import java.util.List;

/**
 * Which DeepLIFT (rescale) to run. {@link #CAPTUM} gives Captum 0.8's numbers on the same model: rules at the
 * nonlinearities Captum hooks (ReLU, sigmoid, tanh, ELU, leaky ReLU, softplus, max-pool; ReLU6, hard sigmoid and hard
 * swish take plain gradients), and what its module hooks do where a hooked module reads another's output — the first
 * one's multiplier applies to the plain cotangent of the second, and a max-pool's fallback for inputs equal to the
 * reference takes the first row's gradient. Summation-to-delta then breaks at max-pools (Captum issues 1104, 1276).
 * {@link #EXACT} keeps summation-to-delta: the rescale rule at every elementwise nonlinearity and the cross-maximum
 * routing at max-pools, each on its own cotangent. The two agree on networks without max-pools whose
 * nonlinearities Captum hooks.
 */
public enum DeepLiftRules {
    /** Captum 0.8's numbers. */
    CAPTUM,
    /** Summation-to-delta kept exactly. */
    EXACT;

    /** The rules of this flavour. */
    public List<Rule> rules() {
        return List.of(new RescaleReluRule(this), new RescaleMaxPoolRule(this), new RescaleNonlinearityRule(this));
    }
}
