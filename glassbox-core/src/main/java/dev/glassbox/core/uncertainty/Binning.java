package dev.glassbox.core.uncertainty;

/** How confidences are grouped into bins for calibration errors and reliability diagrams. */
public enum Binning {
    /**
     * B bins of equal width on [0, 1]: bin b holds confidences in {@code [b/B, (b+1)/B)}, the last bin also holds 1.
     * This is the ECE of Guo et al. (2017) and netcal's default.
     */
    EQUAL_WIDTH,
    /**
     * B bins holding equally many samples (sizes differ by at most one): samples sorted by confidence, ties in input
     * order, are cut into B consecutive runs. This is the adaptive calibration error of Nixon et al. (2019).
     */
    EQUAL_MASS
}
