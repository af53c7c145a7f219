package dev.glassbox.cli.command;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps Tribuo's java.util.logging messages (one per LARS step and fitted tree) off the command line's output. */
public final class TribuoLogging {
    /** Held so that the level set on it is not lost when the logger would otherwise be collected. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private TribuoLogging() {
    }

    /** Shows Tribuo's warnings and errors only. */
    public static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
    }
}
