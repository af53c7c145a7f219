package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.grouping.WindowGrouping;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Conditional sampling of Zintgraf et al. (2017): a window of {@code K×K} pixels (every channel) is drawn from a
 * multivariate normal conditioned on its surround, the patch of {@code (K + 2P)×(K + 2P)} pixels centred on it. As in
 * the paper, one mean and one covariance of such patches are estimated by pooling every patch position of the
 * training images (all {@code (H − L + 1)(W − L + 1)} fully inside each image, {@code L = K + 2P}; a pseudo-random
 * share of them when there are more than the cap); a window is then
 * sampled from {@link ConditionalGaussian} given the observed values of its surround in the explained image. Near the
 * border only the part of the patch inside the image is used — the marginal of the patch Gaussian on those pixels,
 * which for a normal distribution is the sub-vector of the mean and the sub-matrix of the covariance. Conditionals are
 * computed once per distinct clipping of the patch (interior windows share one), when the explainer is built. The
 * covariance gets a small ridge ({@link #RIDGE}) so that it stays invertible. Samples are not clipped to the pixel
 * range.
 */
final class PatchGaussian implements WindowSampler {
    /**
     * The ridge added to the estimated covariance's diagonal, relative to its mean variance: patches of images with
     * constant borders, or fewer patches than dimensions, give a singular estimate, and every conditional of the
     * regularised one is positive definite (conditional variances of at least this share of the mean variance).
     */
    static final double RIDGE = 1e-3;

    private final int channels;
    private final int height;
    private final int width;
    private final int window;
    private final int padding;
    private final int side;
    private final int samples;
    private final WindowGrouping windows;
    private final ConditionalGaussian[] conditionals;
    private final int patchesUsed;

    /** Where a window's patch lies relative to the image, which fixes its conditional. */
    private record Layout(int firstRow, int endRow, int firstCol, int endCol, int rows, int cols) {
    }

    PatchGaussian(float[][] training, int channels, int height, int width, int window, int padding,
            WindowGrouping windows, int samples, int maxPatches) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.window = window;
        this.padding = padding;
        this.side = window + 2 * padding;
        this.samples = samples;
        this.windows = windows;
        if (side > height || side > width) {
            throw new InvalidInputException("conditional sampling needs whole patches of the window plus padding ("
                    + side + "×" + side + " for window " + window + " and padding " + padding + ") inside the "
                    + height + "×" + width + " training images: lower --window or --padding");
        }
        int dims = channels * side * side;
        double[] mean = new double[dims];
        double[][] cov = new double[dims][dims];
        long positions = (long) (height - side + 1) * (width - side + 1);
        double share = Math.min(1.0, maxPatches / ((double) positions * training.length));
        this.patchesUsed = estimate(training, share, mean, cov);
        this.conditionals = new ConditionalGaussian[windows.groupCount()];
        Map<Layout, ConditionalGaussian> byLayout = new HashMap<>();
        for (int w = 0; w < conditionals.length; w++) {
            int[][] idx = indices(w);
            conditionals[w] = byLayout.computeIfAbsent(layout(w),
                    k -> ConditionalGaussian.of(mean, cov, idx[0], idx[1]));
        }
    }

    /**
     * Pooled mean and covariance (divided by n − 1) of the whole patches of the training images; when there are more
     * than the cap, each patch is kept with probability {@code share}, decided by a hash of its position in the
     * enumeration (deterministic, no aliasing with the image size). Returns n.
     */
    private int estimate(float[][] training, double share, double[] mean, double[][] cov) {
        int dims = mean.length;
        double[] v = new double[dims];
        long n = 0;
        long candidate = 0;
        for (float[] image : training) {
            for (int r = 0; r + side <= height; r++) {
                for (int c = 0; c + side <= width; c++) {
                    if (kept(candidate++, share)) {
                        patch(image, r, c, v);
                        for (int i = 0; i < dims; i++) {
                            mean[i] += v[i];
                        }
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new InvalidInputException("no training patch was kept to estimate the conditional Gaussian from: "
                    + "raise the number of estimation patches");
        }
        for (int i = 0; i < dims; i++) {
            mean[i] /= n;
        }
        candidate = 0;
        for (float[] image : training) {
            for (int r = 0; r + side <= height; r++) {
                for (int c = 0; c + side <= width; c++) {
                    if (!kept(candidate++, share)) {
                        continue;
                    }
                    patch(image, r, c, v);
                    for (int i = 0; i < dims; i++) {
                        v[i] -= mean[i];
                    }
                    for (int i = 0; i < dims; i++) {
                        double vi = v[i];
                        if (vi != 0) {
                            double[] row = cov[i];
                            for (int j = i; j < dims; j++) {
                                row[j] += vi * v[j];
                            }
                        }
                    }
                }
            }
        }
        double denominator = Math.max(1, n - 1);
        double meanVariance = 0;
        for (int i = 0; i < dims; i++) {
            for (int j = i; j < dims; j++) {
                cov[i][j] /= denominator;
                cov[j][i] = cov[i][j];
            }
            meanVariance += cov[i][i] / dims;
        }
        double ridge = RIDGE * meanVariance + 1e-12;
        for (int i = 0; i < dims; i++) {
            cov[i][i] += ridge;
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static boolean kept(long candidate, double share) {
        if (share >= 1) {
            return true;
        }
        long z = candidate * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < share;
    }

    private void patch(float[] image, int top, int left, double[] out) {
        int k = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < side; i++) {
                int base = ch * height * width + (top + i) * width + left;
                for (int j = 0; j < side; j++) {
                    out[k++] = image[base + j];
                }
            }
        }
    }

    private int[] origin(int w) {
        int[] start = windows.start(w);
        int r = start[start.length - 2];
        int c = start[start.length - 1];
        return new int[] {r, c, Math.min(window, height - r), Math.min(window, width - c)};
    }

    private Layout layout(int w) {
        int[] o = origin(w);
        int top = o[0] - padding;
        int left = o[1] - padding;
        return new Layout(Math.max(0, top) - top, Math.min(height, top + side) - top, Math.max(0, left) - left,
                Math.min(width, left + side) - left, o[2], o[3]);
    }

    /** {patch indices of the window, patch indices of the surround, their image indices in the same orders}. */
    private int[][] indices(int w) {
        int[] o = origin(w);
        int top = o[0] - padding;
        int left = o[1] - padding;
        int inWindow = channels * o[2] * o[3];
        int r0 = Math.max(0, top);
        int r1 = Math.min(height, top + side);
        int c0 = Math.max(0, left);
        int c1 = Math.min(width, left + side);
        int inImage = channels * (r1 - r0) * (c1 - c0);
        int[] patchA = new int[inWindow];
        int[] imageA = new int[inWindow];
        int[] patchB = new int[inImage - inWindow];
        int[] imageB = new int[inImage - inWindow];
        int a = 0;
        int b = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int y = r0; y < r1; y++) {
                for (int x = c0; x < c1; x++) {
                    int p = ch * side * side + (y - top) * side + (x - left);
                    int e = ch * height * width + y * width + x;
                    boolean inside = y >= o[0] && y < o[0] + o[2] && x >= o[1] && x < o[1] + o[3];
                    if (inside) {
                        patchA[a] = p;
                        imageA[a++] = e;
                    } else {
                        patchB[b] = p;
                        imageB[b++] = e;
                    }
                }
            }
        }
        return new int[][] {patchA, patchB, imageA, imageB};
    }

    @Override
    public void fill(int w, int[] members, int sample, float[] input, float[] row, SplittableRandom random) {
        int[][] idx = indices(w);
        int[] imageA = idx[2];
        int[] imageB = idx[3];
        double[] observed = new double[imageB.length];
        for (int j = 0; j < observed.length; j++) {
            observed[j] = input[imageB[j]];
        }
        double[] drawn = conditionals[w].sample(observed, random);
        for (int i = 0; i < imageA.length; i++) {
            row[imageA[i]] = (float) drawn[i];
        }
    }

    /** The conditional distribution of window {@code w}'s elements given its surround. */
    ConditionalGaussian conditional(int w) {
        return conditionals[w];
    }

    /** How many patches the mean and covariance were estimated from. */
    int patchesUsed() {
        return patchesUsed;
    }

    @Override
    public int samplesPerWindow() {
        return samples;
    }

    @Override
    public String name() {
        return "conditional";
    }
}
