package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What feature visualisation maximises: a weighted sum of terms, each read at one layer of one sample — a unit (one
 * value of the activation), a channel (the mean of one channel over its positions), the whole layer (the mean squared
 * activation, DeepDream's energy) or a class logit. Written as text: terms joined by {@code +}, each
 * {@code [weight*]spec} with spec {@code class:K} (logit K), {@code LAYER} (the layer's energy), {@code LAYER:C}
 * (channel C; the unit C of a flat layer) or {@code LAYER:C@Y,X} (the unit of channel C at row Y, column X).
 */
public record Objective(List<Term> terms) {

    /** What one term reads. */
    public enum Kind {
        /** One value of the activation: channel {@code c} at row {@code y}, column {@code x}. */
        UNIT,
        /** The mean of channel {@code c} over its positions (for a flat layer, unit {@code c}). */
        CHANNEL,
        /** The mean squared activation of the whole layer. */
        LAYER,
        /** The class logit {@code c} (the model's output; no layer). */
        LOGIT
    }

    /**
     * One weighted term: {@code layer} is {@code null} for a {@link Kind#LOGIT}; {@code y} and {@code x} are used by
     * {@link Kind#UNIT} only.
     */
    public record Term(Kind kind, String layer, int channel, int y, int x, double weight) {
        /** The term as {@link Objective#parse} reads it. */
        @Override
        public String toString() {
            String weightText = weight == 1 ? "" : String.format(Locale.ROOT, "%s*", weight);
            return weightText + switch (kind) {
                case LOGIT -> "class:" + channel;
                case LAYER -> layer;
                case CHANNEL -> layer + ":" + channel;
                case UNIT -> layer + ":" + channel + "@" + y + "," + x;
            };
        }
    }

    /** Checks the objective and copies its terms. */
    public Objective {
        if (terms.isEmpty()) {
            throw new InvalidInputException("an objective needs at least one term");
        }
        terms = List.copyOf(terms);
    }

    /** The mean of channel {@code channel} of {@code layer}. */
    public static Objective channel(String layer, int channel) {
        return new Objective(List.of(new Term(Kind.CHANNEL, layer, channel, 0, 0, 1)));
    }

    /** One unit: channel {@code channel} of {@code layer} at row {@code y}, column {@code x}. */
    public static Objective unit(String layer, int channel, int y, int x) {
        return new Objective(List.of(new Term(Kind.UNIT, layer, channel, y, x, 1)));
    }

    /** The mean squared activation of {@code layer} (DeepDream's objective). */
    public static Objective layer(String layer) {
        return new Objective(List.of(new Term(Kind.LAYER, layer, 0, 0, 0, 1)));
    }

    /** The logit of class {@code index}. */
    public static Objective logit(int index) {
        return new Objective(List.of(new Term(Kind.LOGIT, null, index, 0, 0, 1)));
    }

    /** This objective plus {@code weight} times {@code other}. */
    public Objective plus(double weight, Objective other) {
        List<Term> all = new ArrayList<>(terms);
        other.terms.forEach(t -> all.add(new Term(t.kind(), t.layer(), t.channel(), t.y(), t.x(), weight * t.weight())));
        return new Objective(all);
    }

    /** Reads an objective written as the class Javadoc says, e.g. {@code relu5:3 + 0.5*class:2}. */
    public static Objective parse(String text) {
        List<Term> terms = new ArrayList<>();
        for (String part : text.split("\\+")) {
            String spec = part.strip();
            double weight = 1;
            int star = spec.indexOf('*');
            if (star >= 0) {
                weight = number(spec.substring(0, star), text);
                spec = spec.substring(star + 1).strip();
            }
            if (spec.isEmpty()) {
                throw new InvalidInputException("empty term in objective '" + text + "': expected e.g. relu5:3, "
                        + "relu5:3@4,4, relu5 or class:2, joined by +");
            }
            terms.add(term(spec, weight, text));
        }
        return new Objective(terms);
    }

    private static Term term(String spec, double weight, String text) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            return new Term(Kind.LAYER, spec, 0, 0, 0, weight);
        }
        String layer = spec.substring(0, colon);
        String unit = spec.substring(colon + 1);
        if (layer.equals("class")) {
            return new Term(Kind.LOGIT, null, index(unit, text), 0, 0, weight);
        }
        int at = unit.indexOf('@');
        if (at < 0) {
            return new Term(Kind.CHANNEL, layer, index(unit, text), 0, 0, weight);
        }
        String[] position = unit.substring(at + 1).split(",");
        if (position.length != 2) {
            throw new InvalidInputException("bad unit position in objective '" + text + "': expected LAYER:C@Y,X");
        }
        return new Term(Kind.UNIT, layer, index(unit.substring(0, at), text), index(position[0], text),
                index(position[1], text), weight);
    }

    private static int index(String value, String text) {
        try {
            int index = Integer.parseInt(value.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("'" + value + "' in objective '" + text + "' is not an index (0, 1, 2, ...)");
    }

    private static double number(String value, String text) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + value + "' in objective '" + text + "' is not a weight");
        }
    }

    /** The objective as {@link #parse} reads it. */
    @Override
    public String toString() {
        return terms.stream().map(Term::toString).collect(Collectors.joining(" + "));
    }
}
