package dev.glassbox.djl.inspect;

/**
 * A real image plane written as a sum of 2-D cosines and sines, one pair per frequency of the half spectrum (rows
 * {@code u < h}, columns {@code v ≤ w/2}): {@code x[y][x] = k Σ_uv s_uv (a_uv cos θ + b_uv sin θ)} with
 * {@code θ = 2π(uy/h + vx/w)}, {@code k = 1/(2√(hw))} and the 1/f scaling of Olah et al. (Distill 2017, "Feature
 * Visualization"): {@code s_uv = 1 / max(f_uv, 1/max(h, w))^decay}, f the frequency's magnitude in cycles per pixel.
 * Low frequencies get large steps, so gradient ascent in these coordinates favours smooth images. Both the synthesis
 * and its adjoint (what gradients are pulled back through) run separably, rows then columns.
 */
final class FourierBasis {
    private final int h;
    private final int w;
    private final int half;
    private final double[] scale;
    private final double[] cosRow;
    private final double[] sinRow;
    private final double[] cosColumn;
    private final double[] sinColumn;
    private final double k;

    FourierBasis(int h, int w, double decay) {
        this.h = h;
        this.w = w;
        this.half = w / 2 + 1;
        this.k = 1 / (2 * Math.sqrt((double) h * w));
        scale = new double[h * half];
        double floor = 1.0 / Math.max(h, w);
        for (int u = 0; u < h; u++) {
            double fy = (u <= h / 2 ? u : u - h) / (double) h;
            for (int v = 0; v < half; v++) {
                double fx = v / (double) w;
                scale[u * half + v] = 1 / Math.pow(Math.max(Math.hypot(fy, fx), floor), decay);
            }
        }
        cosRow = new double[h * h];
        sinRow = new double[h * h];
        for (int u = 0; u < h; u++) {
            for (int y = 0; y < h; y++) {
                double angle = 2 * Math.PI * ((long) u * y % h) / h;
                cosRow[u * h + y] = Math.cos(angle);
                sinRow[u * h + y] = Math.sin(angle);
            }
        }
        cosColumn = new double[half * w];
        sinColumn = new double[half * w];
        for (int v = 0; v < half; v++) {
            for (int x = 0; x < w; x++) {
                double angle = 2 * Math.PI * ((long) v * x % w) / w;
                cosColumn[v * w + x] = Math.cos(angle);
                sinColumn[v * w + x] = Math.sin(angle);
            }
        }
    }

    /** Coefficients per plane: a cosine and a sine weight per frequency. */
    int size() {
        return 2 * h * half;
    }

    /** The plane for the coefficients at {@code offset} of {@code coefficients} (all a's, then all b's). */
    void synthesise(float[] coefficients, int offset, double[] plane) {
        int count = h * half;
        double[] a = new double[count];
        double[] b = new double[count];
        for (int f = 0; f < count; f++) {
            a[f] = scale[f] * coefficients[offset + f];
            b[f] = scale[f] * coefficients[offset + count + f];
        }
        double[] p = new double[count];
        double[] q = new double[count];
        for (int u = 0; u < h; u++) {
            for (int y = 0; y < h; y++) {
                double c = cosRow[u * h + y];
                double s = sinRow[u * h + y];
                for (int v = 0; v < half; v++) {
                    p[y * half + v] += a[u * half + v] * c + b[u * half + v] * s;
                    q[y * half + v] += b[u * half + v] * c - a[u * half + v] * s;
                }
            }
        }
        java.util.Arrays.fill(plane, 0, h * w, 0);
        for (int y = 0; y < h; y++) {
            for (int v = 0; v < half; v++) {
                double pv = k * p[y * half + v];
                double qv = k * q[y * half + v];
                for (int x = 0; x < w; x++) {
                    plane[y * w + x] += pv * cosColumn[v * w + x] + qv * sinColumn[v * w + x];
                }
            }
        }
    }

    /** Adds the adjoint of {@link #synthesise} applied to {@code planeGradient} into the coefficient gradient. */
    void pullBack(double[] planeGradient, float[] gradient, int offset) {
        int count = h * half;
        double[] gp = new double[count];
        double[] gq = new double[count];
        for (int y = 0; y < h; y++) {
            for (int v = 0; v < half; v++) {
                double c = 0;
                double s = 0;
                for (int x = 0; x < w; x++) {
                    c += planeGradient[y * w + x] * cosColumn[v * w + x];
                    s += planeGradient[y * w + x] * sinColumn[v * w + x];
                }
                gp[y * half + v] = k * c;
                gq[y * half + v] = k * s;
            }
        }
        double[] ga = new double[count];
        double[] gb = new double[count];
        for (int u = 0; u < h; u++) {
            for (int y = 0; y < h; y++) {
                double c = cosRow[u * h + y];
                double s = sinRow[u * h + y];
                for (int v = 0; v < half; v++) {
                    ga[u * half + v] += gp[y * half + v] * c - gq[y * half + v] * s;
                    gb[u * half + v] += gp[y * half + v] * s + gq[y * half + v] * c;
                }
            }
        }
        for (int f = 0; f < count; f++) {
            gradient[offset + f] += (float) (scale[f] * ga[f]);
            gradient[offset + count + f] += (float) (scale[f] * gb[f]);
        }
    }
}
