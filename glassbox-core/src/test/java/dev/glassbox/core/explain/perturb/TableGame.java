package dev.glassbox.core.explain.perturb;

import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/** A game given directly as a function of its coalitions, with a count of evaluated coalitions. */
final class TableGame implements Game {
    private final int players;
    private final ToDoubleFunction<boolean[]> value;
    private long evaluations;

    TableGame(int players, ToDoubleFunction<boolean[]> value) {
        this.players = players;
        this.value = value;
    }

    /** A game whose value is looked up by the coalition's bit mask (bit i set when player i is present). */
    static TableGame ofBits(int players, IntToDoubleFunction byBits) {
        return new TableGame(players, c -> {
            int bits = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i]) {
                    bits |= 1 << i;
                }
            }
            return byBits.applyAsDouble(bits);
        });
    }

    @Override
    public int players() {
        return players;
    }

    @Override
    public synchronized double[] values(int count, IntFunction<boolean[]> coalitions) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = value.applyAsDouble(coalitions.apply(i));
        }
        evaluations += count;
        return out;
    }

    long evaluations() {
        return evaluations;
    }
}
