package dev.glassbox.core.explain.text;

import dev.glassbox.core.explain.perturb.Evaluator;
import dev.glassbox.core.explain.perturb.Game;
import java.util.function.IntFunction;

/** The game of a text model's output over a text's token features: absent features' tokens are masked. */
final class TextGame implements Game {
    private final TokenGrouping grouping;
    private final TextMasking masking;
    private final Evaluator<String> evaluator;
    private final int[] featureOfToken;

    TextGame(TokenGrouping grouping, TextMasking masking, Evaluator<String> evaluator) {
        this.grouping = grouping;
        this.masking = masking;
        this.evaluator = evaluator;
        this.featureOfToken = grouping.featureOfTokens();
    }

    @Override
    public int players() {
        return grouping.groupCount();
    }

    @Override
    public double[] values(int count, IntFunction<boolean[]> coalitions) {
        return evaluator.evaluate(count, i -> compose(coalitions.apply(i)));
    }

    private String compose(boolean[] present) {
        boolean[] kept = new boolean[featureOfToken.length];
        for (int t = 0; t < kept.length; t++) {
            kept[t] = present[featureOfToken[t]];
        }
        return masking.apply(grouping.text(), grouping.tokens(), kept);
    }
}
