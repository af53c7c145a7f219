package dev.glassbox.core.explain.perturb;

import java.util.function.IntFunction;

/**
 * A cooperative game over one input's features: the value {@code v(S)} of a coalition {@code S} of features is the
 * explained model output when only the features in {@code S} are present and the others are masked. Shapley values,
 * Kernel SHAP, LIME, feature ablation and SIS are all computed from a game, so they apply to tensors, text, or any
 * game a user defines.
 *
 * <p>A coalition is a {@code boolean[players()]}, {@code true} where the feature is present.
 */
public interface Game {

    /** The number of features (players). */
    int players();

    /**
     * The values of {@code count} coalitions, where {@code coalitions.apply(i)} builds coalition {@code i}. It may be
     * called from several threads and more than once per index, so it must be a pure function.
     */
    double[] values(int count, IntFunction<boolean[]> coalitions);

    /** The values of the given coalitions. */
    default double[] values(boolean[][] coalitions) {
        return values(coalitions.length, i -> coalitions[i]);
    }

    /**
     * Players known to be null without evaluating anything, such as features whose value equals every background row
     * (masking them changes nothing); {@code true} marks one. By default none is known.
     */
    default boolean[] nullPlayers() {
        return new boolean[players()];
    }
}
