package dev.glassbox.djl.robust;

/** The box every adversarial input is clamped to, such as [0, 1] for images; {@link #NONE} leaves values free. */
public record InputBounds(float lower, float upper) {
    /** No clamping. */
    public static final InputBounds NONE = new InputBounds(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);

    public InputBounds {
        if (Float.isNaN(lower) || Float.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("input bounds need lower < upper, got " + lower + "," + upper);
        }
    }

    /** Parses {@code low,high}. */
    public static InputBounds parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("bounds '" + text + "' should be two numbers, low,high");
        }
        try {
            return new InputBounds(Float.parseFloat(parts[0].strip()), Float.parseFloat(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bounds '" + text + "' should be two numbers, low,high");
        }
    }

    /** {@code v} moved into the box. */
    public float clamp(float v) {
        return Math.max(lower, Math.min(upper, v));
    }

    /** Whether {@code v} lies in the box. */
    public boolean contains(float v) {
        return v >= lower && v <= upper;
    }
}
