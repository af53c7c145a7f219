package dev.glassbox.core.explain.text;

import dev.glassbox.core.explain.perturb.Evaluator;
import dev.glassbox.core.explain.perturb.Game;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The game of a text model's output over a text's token features: absent features' tokens are masked. When the model
 * says what it reads ({@link TextModel#inputKey(String)}), each distinct key is evaluated once per game, so coalitions
 * that differ only in tokens the model does not read get identical values, and such tokens are null players.
 */
final class TextGame implements Game {
    private final TextModel model;
    private final TokenGrouping grouping;
    private final TextMasking masking;
    private final Evaluator<String> evaluator;
    private final int[] featureOfToken;
    private final Object fullKey;
    private final Map<Object, Double> known = new HashMap<>();

    TextGame(TextModel model, TokenGrouping grouping, TextMasking masking, Evaluator<String> evaluator) {
        this.model = model;
        this.grouping = grouping;
        this.masking = masking;
        this.evaluator = evaluator;
        this.featureOfToken = grouping.featureOfTokens();
        this.fullKey = model.inputKey(grouping.text());
    }

    @Override
    public int players() {
        return grouping.groupCount();
    }

    @Override
    public synchronized double[] values(int count, IntFunction<boolean[]> coalitions) {
        if (fullKey == null) {
            return evaluator.evaluate(count, i -> compose(coalitions.apply(i)));
        }
        Object[] keys = new Object[count];
        List<Integer> fresh = new ArrayList<>();
        Map<Object, Boolean> pending = new HashMap<>();
        for (int i = 0; i < count; i++) {
            keys[i] = Objects.requireNonNull(model.inputKey(compose(coalitions.apply(i))), "the model's input key");
            if (!known.containsKey(keys[i]) && pending.put(keys[i], Boolean.TRUE) == null) {
                fresh.add(i);
            }
        }
        double[] values = evaluator.evaluate(fresh.size(), j -> compose(coalitions.apply(fresh.get(j))));
        for (int j = 0; j < values.length; j++) {
            known.put(keys[fresh.get(j)], values[j]);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = known.get(keys[i]);
        }
        return out;
    }

    /** Features whose masking alone leaves what the model reads unchanged (none when the model cannot tell). */
    @Override
    public boolean[] nullPlayers() {
        boolean[] out = new boolean[players()];
        if (fullKey != null) {
            for (int f = 0; f < out.length; f++) {
                boolean[] present = new boolean[out.length];
                Arrays.fill(present, true);
                present[f] = false;
                out[f] = fullKey.equals(model.inputKey(compose(present)));
            }
        }
        return out;
    }

    private String compose(boolean[] present) {
        boolean[] kept = new boolean[featureOfToken.length];
        for (int t = 0; t < kept.length; t++) {
            kept[t] = present[featureOfToken[t]];
        }
        return masking.apply(grouping.text(), grouping.tokens(), kept);
    }
}
