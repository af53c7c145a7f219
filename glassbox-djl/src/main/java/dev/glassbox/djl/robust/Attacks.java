package dev.glassbox.djl.robust;

/** Argument checks shared by the attacks. */
final class Attacks {
    private Attacks() {
    }

    static double requireRadius(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, was " + value);
        }
        return value;
    }

    static void requireClasses(float[][] batch, int[] classes) {
        if (classes.length != batch.length) {
            throw new IllegalArgumentException("got " + classes.length + " classes for " + batch.length + " inputs");
        }
    }
}
