package dev.glassbox.spark.table;

import java.nio.charset.StandardCharsets;

/**
 * The seed of one row: the job seed mixed with a 64-bit hash of the row's key (FNV-1a over its UTF-8 bytes, then the
 * SplitMix64 finaliser). It depends on nothing but those two, so a row gets the same random numbers wherever, and in
 * whatever partition, it is explained.
 */
public final class RowSeeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowSeeds() {
    }

    /** The seed of the row with {@code key} in a job seeded with {@code jobSeed}. */
    public static long of(long jobSeed, String key) {
        return mix(jobSeed ^ mix(hash(key)));
    }

    /**
     * A number in [0, 1) fixed by the key alone (a different stream from {@link #of}): rows with {@code uniform(key) <
     * fraction} form the same sample in every run, with or without Spark.
     */
    public static double uniform(String key) {
        return (mix(hash(key) + 0x9e3779b97f4a7c15L) >>> 11) * 0x1.0p-53;
    }

    private static long hash(String key) {
        long h = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
