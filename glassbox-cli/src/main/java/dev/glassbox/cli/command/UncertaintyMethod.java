package dev.glassbox.cli.command;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The methods {@code glassbox uncertainty} runs, by their command-line names. */
public enum UncertaintyMethod {
    /** Temperature scaling fitted on part of the labelled data, shown on the rest. */
    TEMPERATURE("temperature"),
    /** Monte Carlo dropout. */
    MC_DROPOUT("mc-dropout"),
    /** A deep ensemble's members. */
    ENSEMBLE("ensemble"),
    /** Weight draws of a network with Bayesian layers. */
    BAYES("bayes"),
    /** An autoencoder's reconstruction error as an out-of-distribution score. */
    AUTOENCODER("autoencoder");

    private final String label;

    UncertaintyMethod(String label) {
        this.label = label;
    }

    /** The command-line name. */
    public String label() {
        return label;
    }

    /** The method named {@code text}, with an error that lists the known names. */
    public static UncertaintyMethod parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown uncertainty method '" + text + "': expected one "
                        + "of " + Arrays.stream(values()).map(UncertaintyMethod::label).collect(Collectors.joining(", "))));
    }
}
