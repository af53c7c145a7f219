package dev.glassbox.spark.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowSeedsTest {

    @Test
    void aRowsSeedDependsOnlyOnTheJobSeedAndItsKey() {
        assertThat(RowSeeds.of(7, "p0001")).isEqualTo(RowSeeds.of(7, "p0001"));
        assertThat(RowSeeds.of(7, "p0001")).isNotEqualTo(RowSeeds.of(8, "p0001"));
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seeds.add(RowSeeds.of(7, Integer.toString(i)));
        }
        assertThat(seeds).hasSize(10_000);
    }

    @Test
    void theSampleUniformIsUniformOnZeroOne() {
        int n = 20_000;
        int[] quarters = new int[4];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = RowSeeds.uniform("row" + i);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            quarters[(int) (u * 4)]++;
            sum += u;
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.01));
        for (int q : quarters) {
            assertThat(q).isBetween(n / 4 - 300, n / 4 + 300); // ~4.4 standard deviations of a binomial count
        }
        double fraction = SummarySample.fraction(n, 1000);
        long kept = java.util.stream.IntStream.range(0, n).filter(i -> SummarySample.keep("row" + i, fraction)).count();
        assertThat(kept).isBetween(880L, 1120L);
        assertThat(SummarySample.fraction(500, 1000)).isEqualTo(1.0);
    }
}
