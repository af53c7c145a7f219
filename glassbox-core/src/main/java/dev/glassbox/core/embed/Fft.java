package dev.glassbox.core.embed;

/**
 * An in-place iterative radix-2 fast Fourier transform of complex rows whose length is a power of two. The
 * bit-reversal swaps and each stage's twiddle factors are computed once, stored in the order they are read, and the
 * first two stages, whose twiddles are 1 and ∓i, are done without multiplications. Each row is transformed on its
 * own, so rows can be shared out among threads without changing any result.
 */
final class Fft {
    private final int length;
    private final int[] swaps;
    /** The twiddles of the stage joining halves of length h are at {@code [h, 2h)}: {@code e^{∓iπk/h}}. */
    private final double[] cos;
    private final double[] sinForward;
    private final double[] sinInverse;

    /** A transform of rows of {@code length} values, a power of two. */
    Fft(int length) {
        if (length < 4 || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two of at least 4, was " + length);
        }
        this.length = length;
        int bits = Integer.numberOfTrailingZeros(length);
        int[] pairs = new int[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            int j = Integer.reverse(i) >>> (32 - bits);
            if (j > i) {
                pairs[count++] = i;
                pairs[count++] = j;
            }
        }
        swaps = java.util.Arrays.copyOf(pairs, count);
        cos = new double[length];
        sinForward = new double[length];
        sinInverse = new double[length];
        for (int half = 1; half < length; half <<= 1) {
            for (int k = 0; k < half; k++) {
                double angle = Math.PI * k / half;
                cos[half + k] = Math.cos(angle);
                sinForward[half + k] = -Math.sin(angle);
                sinInverse[half + k] = Math.sin(angle);
            }
        }
    }

    /**
     * Transforms the row at {@code offset} of {@code re} and {@code im} in place: forward
     * ({@code X_k = Σ x_n e^{-2πikn/L}}) or, when {@code inverse}, backward without the 1/L factor.
     */
    void transform(double[] re, double[] im, int offset, boolean inverse) {
        for (int s = 0; s < swaps.length; s += 2) {
            int a = offset + swaps[s];
            int b = offset + swaps[s + 1];
            double t = re[a];
            re[a] = re[b];
            re[b] = t;
            t = im[a];
            im[a] = im[b];
            im[b] = t;
        }
        int end = offset + length;
        for (int a = offset; a < end; a += 2) {
            double xr = re[a + 1];
            double xi = im[a + 1];
            re[a + 1] = re[a] - xr;
            im[a + 1] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
        }
        double turn = inverse ? 1 : -1;
        for (int a = offset; a < end; a += 4) {
            double xr = re[a + 2];
            double xi = im[a + 2];
            re[a + 2] = re[a] - xr;
            im[a + 2] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
            // The second butterfly's twiddle is ∓i: (x_r + i x_i)(∓i) = ±x_i ∓ i x_r.
            double yr = -turn * im[a + 3];
            double yi = turn * re[a + 3];
            re[a + 3] = re[a + 1] - yr;
            im[a + 3] = im[a + 1] - yi;
            re[a + 1] += yr;
            im[a + 1] += yi;
        }
        double[] sin = inverse ? sinInverse : sinForward;
        for (int half = 4; half < length; half <<= 1) {
            for (int start = offset; start < end; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[half + k];
                    double wi = sin[half + k];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
