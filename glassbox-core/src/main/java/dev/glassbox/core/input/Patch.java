package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;

/**
 * A square of constant brightness planted into images: the spurious cue of a shortcut check. Planted into one class's
 * training images only, it lets a model learn "patch ⇒ class"; an explanation that can be trusted then puts its mass
 * on the patch wherever the model reads it. Positions are in pixels over the last two axes, every channel alike.
 *
 * @param top the first row covered
 * @param left the first column covered
 * @param size the side in pixels
 * @param value the brightness written into every covered pixel, in [0, 1]
 */
public record Patch(int top, int left, int size, float value) {

    public Patch {
        if (top < 0 || left < 0 || size < 1) {
            throw new InvalidInputException("a patch needs a position ≥ 0 and a size ≥ 1, got row " + top + ", column "
                    + left + ", size " + size);
        }
        if (!(value >= 0f && value <= 1f)) {
            throw new InvalidInputException("a patch's brightness must lie in [0, 1], got " + value);
        }
    }

    /** Parses {@code ROW,COL,SIZE} (brightness 1) or {@code ROW,COL,SIZE,VALUE}. */
    public static Patch parse(String text) {
        String[] parts = text.trim().split(",");
        if (parts.length != 3 && parts.length != 4) {
            throw new InvalidInputException("cannot read patch '" + text + "': expected ROW,COL,SIZE or ROW,COL,SIZE,VALUE");
        }
        try {
            return new Patch(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()), parts.length == 4 ? Float.parseFloat(parts[3].trim()) : 1f);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cannot read patch '" + text + "': expected ROW,COL,SIZE or ROW,COL,SIZE,VALUE");
        }
    }

    /** A copy of a flattened image ({@code shape}: …×H×W) with the patch written into every channel. */
    public float[] plant(float[] image, Shape shape) {
        int[] hw = planeOf(shape);
        if (image.length != shape.size()) {
            throw new InvalidInputException("the image has " + image.length + " values but its shape " + shape
                    + " holds " + shape.size());
        }
        float[] out = image.clone();
        int plane = hw[0] * hw[1];
        for (int base = 0; base < out.length; base += plane) {
            for (int y = top; y < top + size; y++) {
                for (int x = left; x < left + size; x++) {
                    out[base + y * hw[1] + x] = value;
                }
            }
        }
        return out;
    }

    /** The same images, with the patch (brightness rounded to a byte) planted into every image labelled {@code label}. */
    public LabelledImages plantInClass(LabelledImages data, int label) {
        return plantInClass(data, label, 1, 0);
    }

    /**
     * The same images, with the patch (brightness rounded to a byte) planted into a share {@code rate} of the images
     * labelled {@code label}: the first round(rate · n) of them in an order shuffled with {@code seed} (the controlled
     * experiment of Kim et al. 2018, §4.3, which plants a cue into a chosen share of one class).
     */
    public LabelledImages plantInClass(LabelledImages data, int label, double rate, long seed) {
        return plantWhere(data, l -> l == label, rate, seed, "a class's images");
    }

    /**
     * The same images, with the patch planted into a share {@code rate} of the images <em>not</em> labelled
     * {@code label}, chosen as {@link #plantInClass(LabelledImages, int, double, long)} chooses: planted into other
     * classes too, the patch becomes a noisier cue for the class (Kim et al.'s captions that disagree with the image).
     */
    public LabelledImages plantOutsideClass(LabelledImages data, int label, double rate, long seed) {
        return plantWhere(data, l -> l != label, rate, seed, "the other classes' images");
    }

    private LabelledImages plantWhere(LabelledImages data, java.util.function.IntPredicate labels, double rate,
            long seed, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new InvalidInputException("the share of " + what + " to plant a patch into must lie in [0, 1], got "
                    + rate);
        }
        planeOf(Shape.of(data.rows(), data.cols()));
        int[] members = java.util.stream.IntStream.range(0, data.count()).filter(i -> labels.test(data.label(i)))
                .toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = members.length - 1; i > 0 && rate < 1; i--) {
            int j = random.nextInt(i + 1);
            int swap = members[i];
            members[i] = members[j];
            members[j] = swap;
        }
        byte[] pixels = data.pixels();
        byte bright = (byte) Math.round(value * 255);
        int plane = data.rows() * data.cols();
        for (int i : java.util.Arrays.copyOf(members, (int) Math.round(rate * members.length))) {
            for (int y = top; y < top + size; y++) {
                for (int x = left; x < left + size; x++) {
                    pixels[i * plane + y * data.cols() + x] = bright;
                }
            }
        }
        return new LabelledImages(data.count(), data.rows(), data.cols(), pixels, data.labels());
    }

    /**
     * The share of an attribution's mass Σ|a| that lies inside the patch, over all channels; 0 for an all-zero map.
     * The map must have the height and width the patch was placed in.
     */
    public double massShare(Attribution attribution) {
        int[] hw = planeOf(attribution.shape());
        float[] values = attribution.values();
        int plane = hw[0] * hw[1];
        double inside = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double magnitude = Math.abs(values[i]);
            total += magnitude;
            int y = (i % plane) / hw[1];
            int x = i % hw[1];
            if (y >= top && y < top + size && x >= left && x < left + size) {
                inside += magnitude;
            }
        }
        if (!Double.isFinite(total)) {
            throw new InvalidInputException(attribution.method() + " produced a map that is not finite");
        }
        return total == 0 ? 0 : inside / total;
    }

    /** The share of a H×W plane the patch covers: the mass share of a map spread evenly. */
    public double areaShare(Shape shape) {
        int[] hw = planeOf(shape);
        return size * (double) size / (hw[0] * hw[1]);
    }

    /** The height and width of {@code shape}'s last two axes, checked to contain the patch. */
    private int[] planeOf(Shape shape) {
        if (shape.rank() < 2) {
            throw new InvalidInputException("a patch needs images (…×H×W), got shape " + shape);
        }
        int h = shape.dim(shape.rank() - 2);
        int w = shape.dim(shape.rank() - 1);
        if (top + size > h || left + size > w) {
            throw new InvalidInputException("a " + size + "×" + size + " patch at row " + top + ", column " + left
                    + " does not fit into " + h + "×" + w + " images");
        }
        return new int[] {h, w};
    }
}
