package dev.glassbox.djl;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed models made by scripts/make_fixtures.py and PyTorch's reference outputs for them. */
public final class TestFixtures {
    private static JsonObject reference;

    private TestFixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(TestFixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One model's entry in reference.json (PyTorch's outputs for the fixture models). */
    public static synchronized JsonObject reference(String model) {
        if (reference == null) {
            reference = document("reference.json");
        }
        return reference.getAsJsonObject(model);
    }

    /** A whole JSON fixture. */
    public static JsonObject document(String file) {
        try {
            return JsonParser.parseString(Files.readString(path(file))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static float[] floats(JsonObject object, String key) {
        JsonArray array = object.getAsJsonArray(key);
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsFloat();
        }
        return out;
    }

    public static float[][] rows(float[] flat, int width) {
        float[][] out = new float[flat.length / width][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    /** {@code n} values drawn uniformly from [0, 1) with the seed. */
    public static float[] uniform(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextDouble();
        }
        return out;
    }
}
