package dev.glassbox.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the glassbox command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GlassboxCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** A JSON array of numbers as floats. */
    static float[] floats(com.google.gson.JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsFloat();
        }
        return out;
    }

    /** A committed test model or input from the djl module's fixtures. */
    static Path fixture(String name) {
        return Path.of(System.getProperty("glassbox.fixtures")).resolve(name);
    }
}
