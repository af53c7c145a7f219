package dev.glassbox.djl.robust;

import java.util.Locale;

/** The norm of the ball an attack stays in around each input. */
public enum AttackNorm {
    /** Every input value moves by at most ε. */
    LINF,
    /** The perturbation's Euclidean length per sample is at most ε. */
    L2;

    /** {@code linf} or {@code l2} (case-insensitive; {@code inf} and {@code Linf} too). */
    public static AttackNorm parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "linf", "inf", "l-inf" -> LINF;
            case "l2" -> L2;
            default -> throw new IllegalArgumentException("unknown norm '" + text + "': expected linf or l2");
        };
    }
}
