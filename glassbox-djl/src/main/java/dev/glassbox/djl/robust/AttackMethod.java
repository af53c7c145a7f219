package dev.glassbox.djl.robust;

import java.util.Locale;

/** The attacks glassbox has, by the names the command line and the reports use. */
public enum AttackMethod {
    /** {@link Fgsm}: one signed gradient step of size ε (L∞ only). */
    FGSM,
    /** {@link Pgd}: projected steps in an L∞ or L2 ball. */
    PGD;

    /** The lower-case name: {@code fgsm}, {@code pgd}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The attack of that name (case-insensitive). */
    public static AttackMethod parse(String text) {
        for (AttackMethod m : values()) {
            if (m.id().equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown attack '" + text + "': expected fgsm or pgd");
    }

    /** Whether the attack can stay in a ball of this norm. */
    public boolean supports(AttackNorm norm) {
        return this == PGD || norm == AttackNorm.LINF;
    }
}
