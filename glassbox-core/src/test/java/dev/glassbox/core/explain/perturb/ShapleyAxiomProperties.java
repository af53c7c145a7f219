package dev.glassbox.core.explain.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Target;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The Shapley axioms on random small games, for every method that estimates Shapley values. */
class ShapleyAxiomProperties {

    /** A game with independent random values for each coalition, v(∅) included. */
    private static TableGame randomGame(int players, long seed) {
        Random random = new Random(seed);
        double[] table = new double[1 << players];
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextGaussian() * 10;
        }
        return TableGame.ofBits(players, bits -> table[bits]);
    }

    private static Estimate exact(Game game) {
        return ShapleyExact.create().attribute(game);
    }

    private static Estimate kernel(Game game) {
        return KernelShap.builder().samples(1 << game.players()).seed(1).build().attribute(game);
    }

    private static Estimate sampled(Game game) {
        return ShapleySampling.builder().permutations(6).seed(2).build().attribute(game);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @Property(tries = 60)
    void efficiency(@ForAll @IntRange(min = 2, max = 6) int players, @ForAll long seed) {
        TableGame game = randomGame(players, seed);
        double[] ends = game.values(new boolean[][] {Coalitions.uniform(players, true), Coalitions.uniform(players, false)});
        double gain = ends[0] - ends[1];

        assertThat(sum(exact(game).values())).isCloseTo(gain, within(1e-9));
        assertThat(sum(kernel(game).values())).isCloseTo(gain, within(1e-9));
        assertThat(sum(sampled(game).values())).isCloseTo(gain, within(1e-9));
    }

    @Property(tries = 60)
    void symmetricPlayersGetEqualValues(@ForAll @IntRange(min = 2, max = 6) int players, @ForAll long seed) {
        // v depends on players 0 and 1 only through how many of them are present.
        TableGame base = randomGame(players, seed);
        TableGame game = TableGame.ofBits(players, bits -> {
            int both = Integer.bitCount(bits & 3);
            int canonical = (bits & ~3) | (both == 0 ? 0 : both == 1 ? 1 : 3);
            return base.values(new boolean[][] {Coalitions.ofBits(players, canonical)})[0];
        });

        double[] phi = exact(game).values();
        assertThat(phi[0]).isCloseTo(phi[1], within(1e-9));
        double[] kernelPhi = kernel(game).values();
        assertThat(kernelPhi[0]).isCloseTo(kernelPhi[1], within(1e-8));
        assertThat(kernelPhi).containsExactly(phi, within(1e-8));
    }

    @Property(tries = 60)
    void aDummyPlayerGetsZero(@ForAll @IntRange(min = 2, max = 6) int players, @ForAll @IntRange(min = 0, max = 5)
            int dummySeed, @ForAll long seed) {
        int dummy = dummySeed % players;
        TableGame base = randomGame(players, seed);
        TableGame game = TableGame.ofBits(players, bits -> {
            int without = bits & ~(1 << dummy);
            return base.values(new boolean[][] {Coalitions.ofBits(players, without)})[0];
        });

        assertThat(exact(game).values()[dummy]).isCloseTo(0, within(1e-9));
        assertThat(kernel(game).values()[dummy]).isCloseTo(0, within(1e-8));
        assertThat(sampled(game).values()[dummy]).isZero();
    }

    @Property(tries = 40)
    void kernelShapOnALinearModelGivesWeightTimesDifferenceFromTheBackgroundRow(
            @ForAll @IntRange(min = 1, max = 12) int features, @ForAll long seed) {
        Random random = new Random(seed);
        float[] w = new float[features];
        float[] x = new float[features];
        float[] r = new float[features];
        for (int i = 0; i < features; i++) {
            w[i] = (float) random.nextGaussian();
            x[i] = (float) random.nextGaussian();
            r[i] = (float) random.nextGaussian();
        }
        Attribution a = PerturbationExplainer.builder(LinearModelTest.linear(w, 0.5f),
                KernelShap.builder().samples(200).seed(seed).build())
                .baseline(Background.of(r)).build().explain(x, Target.index(0));

        for (int i = 0; i < features; i++) {
            assertThat((double) a.values()[i]).isCloseTo((double) w[i] * (x[i] - r[i]), within(2e-4));
        }
    }
}
