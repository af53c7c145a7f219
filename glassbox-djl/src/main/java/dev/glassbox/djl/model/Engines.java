package dev.glassbox.djl.model;

/** Engine settings glassbox applies before DJL starts: natives come from the classpath, nothing is downloaded. */
final class Engines {
    private Engines() {
    }

    /** Sets {@code ai.djl.offline=true} unless the user chose otherwise. */
    static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
