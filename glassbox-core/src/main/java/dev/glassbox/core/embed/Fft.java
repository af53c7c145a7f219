package dev.glassbox.core.embed;

/**
 * An in-place iterative radix-2 fast Fourier transform of complex rows whose length is a power of two. The
 * bit-reversal swaps and each stage's twiddle factors are computed once, stored in the order they are read; the
 * first two stages, whose twiddles are 1 and ∓i, are done without multiplications, and the others two at a time. Each row is transformed on its
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
        int half = 4;
        for (; 4 * half <= length; half *= 4) {
            twoStages(re, im, offset, half, sin, turn);
        }
        if (half < length) {
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

    /**
     * The stages joining halves of {@code half} and then of {@code 2 half} values in one pass over the row: each
     * group of four values is read and written once. The second stage's twiddle for the odd pair is the first's
     * times {@code ∓i}, which costs no multiplication.
     */
    private void twoStages(double[] re, double[] im, int offset, int half, double[] sin, double turn) {
        int end = offset + length;
        for (int start = offset; start < end; start += 4 * half) {
            for (int k = 0; k < half; k++) {
                int a0 = start + k;
                int a1 = a0 + half;
                int a2 = a1 + half;
                int a3 = a2 + half;
                double wr = cos[half + k];
                double wi = sin[half + k];
                double tr = re[a1] * wr - im[a1] * wi;
                double ti = re[a1] * wi + im[a1] * wr;
                double b0r = re[a0] + tr;
                double b0i = im[a0] + ti;
                double b1r = re[a0] - tr;
                double b1i = im[a0] - ti;
                tr = re[a3] * wr - im[a3] * wi;
                ti = re[a3] * wi + im[a3] * wr;
                double b2r = re[a2] + tr;
                double b2i = im[a2] + ti;
                double b3r = re[a2] - tr;
                double b3i = im[a2] - ti;
                double vr = cos[2 * half + k];
                double vi = sin[2 * half + k];
                tr = b2r * vr - b2i * vi;
                ti = b2r * vi + b2i * vr;
                re[a0] = b0r + tr;
                im[a0] = b0i + ti;
                re[a2] = b0r - tr;
                im[a2] = b0i - ti;
                // b3 times the twiddle v, then times ∓i: (x + iy)(∓i) = ±y ∓ ix.
                double xr = b3r * vr - b3i * vi;
                double xi = b3r * vi + b3i * vr;
                tr = -turn * xi;
                ti = turn * xr;
                re[a1] = b1r + tr;
                im[a1] = b1i + ti;
                re[a3] = b1r - tr;
                im[a3] = b1i - ti;
            }
        }
    }
}
