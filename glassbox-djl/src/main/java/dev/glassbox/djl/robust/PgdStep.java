package dev.glassbox.djl.robust;

/** How one PGD step turns the loss gradient into a move of length α. */
public enum PgdStep {
    /** α · sign(g), entries with |g| ≤ 1e-6 left still: the L∞ step, and Captum 0.8's step for every norm. */
    SIGN,
    /** α · g / ‖g‖₂ per sample: the steepest step in the L2 norm (Madry et al. 2018), the default for L2. */
    NORMALISED
}
