package dev.glassbox.core.embed;

/**
 * An in-place iterative radix-2 fast Fourier transform of complex rows whose length is a power of two, with
 * precomputed twiddle factors and bit-reversal permutation. Each row is transformed on its own, so rows can be shared
 * out among threads without changing any result.
 */
final class Fft {
    final int length;
    private final int[] reversed;
    private final double[] cos;
    private final double[] sin;

    /** A transform of rows of {@code length} values, a power of two. */
    Fft(int length) {
        if (length < 2 || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two of at least 2, was " + length);
        }
        this.length = length;
        int bits = Integer.numberOfTrailingZeros(length);
        reversed = new int[length];
        for (int i = 0; i < length; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[length / 2];
        sin = new double[length / 2];
        for (int i = 0; i < length / 2; i++) {
            double angle = -2 * Math.PI * i / length;
            cos[i] = Math.cos(angle);
            sin[i] = Math.sin(angle);
        }
    }

    /**
     * Transforms the row at {@code offset} of {@code re} and {@code im} in place: forward
     * ({@code X_k = Σ x_n e^{-2πikn/L}}) or, when {@code inverse}, backward without the 1/L factor.
     */
    void transform(double[] re, double[] im, int offset, boolean inverse) {
        for (int i = 0; i < length; i++) {
            int j = reversed[i];
            if (j > i) {
                swap(re, offset + i, offset + j);
                swap(im, offset + i, offset + j);
            }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1; half < length; half <<= 1) {
            int step = length / (2 * half);
            for (int start = 0; start < length; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = offset + start + k;
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

    private static void swap(double[] values, int a, int b) {
        double t = values[a];
        values[a] = values[b];
        values[b] = t;
    }
}
