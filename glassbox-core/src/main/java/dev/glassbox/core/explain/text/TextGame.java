package dev.glassbox.core.explain.text;

import dev.glassbox.core.explain.perturb.Evaluator;
import dev.glassbox.core.explain.perturb.Game;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The game of a text model's output over a text's token features: absent features' tokens are masked. When the model
 * says what it reads ({@link TextModel#inputKey(String)}), features whose masking alone leaves that unchanged are not
 * players (they stay in the text, and their attribution is zero), and each distinct key is evaluated once per game.
 */
final class TextGame implements Game {
    private final TextModel model;
    private final TokenGrouping grouping;
    private final TextMasking masking;
    private final Evaluator<String> evaluator;
    private final int[] featureOfToken;
    private final Object fullKey;
    private final Object[] soloKeys;
    private final int[] players;
    private final Map<Object, Double> known = new HashMap<>();

    TextGame(TextModel model, TokenGrouping grouping, TextMasking masking, Evaluator<String> evaluator) {
        this.model = model;
        this.grouping = grouping;
        this.masking = masking;
        this.evaluator = evaluator;
        this.featureOfToken = grouping.featureOfTokens();
        this.fullKey = model.inputKey(grouping.text());
        int features = grouping.groupCount();
        this.soloKeys = new Object[fullKey == null ? 0 : features];
        boolean[] beyondReading = fullKey == null ? new boolean[0] : beyondReading(model.readEnd(grouping.text()));
        for (int f = 0; f < soloKeys.length; f++) {
            soloKeys[f] = beyondReading[f] ? fullKey
                    : Objects.requireNonNull(model.inputKey(compose(allBut(features, f))), "the model's input key");
        }
        this.players = IntStream.range(0, features).filter(f -> fullKey == null || !fullKey.equals(soloKeys[f]))
                .toArray();
    }

    /**
     * For each feature, whether masking it alone leaves every character before {@code readEnd} in place, so that the
     * model reads the same (its solo key is the full text's, known without composing the text): every one of its tokens
     * has the end of the token before it at or after {@code readEnd} (a dropped token takes the gap before it along).
     */
    private boolean[] beyondReading(int readEnd) {
        List<Token> tokens = grouping.tokens();
        boolean[] beyond = new boolean[grouping.groupCount()];
        Arrays.fill(beyond, true);
        for (int t = 0; t < tokens.size(); t++) {
            int changedFrom = t == 0 ? 0 : tokens.get(t - 1).end();
            if (changedFrom < readEnd) {
                beyond[featureOfToken[t]] = false;
            }
        }
        return beyond;
    }

    /** The features that are players, in order: those the model reads (all when it cannot tell). */
    int[] playerFeatures() {
        return players.clone();
    }

    @Override
    public int players() {
        return players.length;
    }

    @Override
    public synchronized double[] values(int count, IntFunction<boolean[]> coalitions) {
        IntFunction<String> text = i -> compose(lift(coalitions.apply(i)));
        if (fullKey == null) {
            return evaluator.evaluate(count, text);
        }
        Object[] keys = new Object[count];
        List<Integer> fresh = new ArrayList<>();
        Set<Object> pending = new HashSet<>();
        for (int i = 0; i < count; i++) {
            keys[i] = key(coalitions.apply(i));
            if (!known.containsKey(keys[i]) && pending.add(keys[i])) {
                fresh.add(i);
            }
        }
        double[] values = evaluator.evaluate(fresh.size(), j -> text.apply(fresh.get(j)));
        for (int j = 0; j < values.length; j++) {
            known.put(keys[fresh.get(j)], values[j]);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = known.get(keys[i]);
        }
        return out;
    }

    /** The key of a coalition's text: known without composing it when at most one player is absent. */
    private Object key(boolean[] coalition) {
        requirePlayers(coalition);
        int absent = -1;
        int absentCount = 0;
        for (int p = 0; p < coalition.length && absentCount < 2; p++) {
            if (!coalition[p]) {
                absent = p;
                absentCount++;
            }
        }
        return switch (absentCount) {
            case 0 -> fullKey;
            case 1 -> soloKeys[players[absent]];
            default -> Objects.requireNonNull(model.inputKey(compose(lift(coalition))), "the model's input key");
        };
    }

    /** A coalition of players as one of all features, the features that are not players present. */
    private boolean[] lift(boolean[] coalition) {
        requirePlayers(coalition);
        boolean[] present = new boolean[grouping.groupCount()];
        Arrays.fill(present, true);
        for (int p = 0; p < players.length; p++) {
            present[players[p]] = coalition[p];
        }
        return present;
    }

    private void requirePlayers(boolean[] coalition) {
        if (coalition.length != players.length) {
            throw new IllegalArgumentException("a coalition of " + coalition.length + " players for a game of "
                    + players.length);
        }
    }

    private static boolean[] allBut(int features, int absent) {
        boolean[] present = new boolean[features];
        Arrays.fill(present, true);
        present[absent] = false;
        return present;
    }

    private String compose(boolean[] present) {
        boolean[] kept = new boolean[featureOfToken.length];
        for (int t = 0; t < kept.length; t++) {
            kept[t] = present[featureOfToken[t]];
        }
        return masking.apply(grouping.text(), grouping.tokens(), kept);
    }
}
