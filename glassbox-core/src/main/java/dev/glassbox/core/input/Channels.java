package dev.glassbox.core.input;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;

/** How many channels an image becomes when it is read. */
public enum Channels {
    /** One channel: colour images are converted to luminance {@code 0.299R + 0.587G + 0.114B}. */
    GREY,
    /** Three channels: a grey image is repeated in red, green and blue. */
    RGB,
    /** As stored: grey images give one channel, colour images three. */
    AUTO;

    /** Parses {@code grey}, {@code gray}, {@code rgb} or {@code auto}, ignoring case. */
    public static Channels parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "grey", "gray", "l", "1" -> GREY;
            case "rgb", "colour", "color", "3" -> RGB;
            case "auto" -> AUTO;
            default -> throw new InvalidInputException("cannot read channels '" + text + "': expected grey, rgb or auto");
        };
    }
}
