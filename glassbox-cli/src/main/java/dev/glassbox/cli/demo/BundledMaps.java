package dev.glassbox.cli.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.NpyReader;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribution maps computed once by {@code glassbox explain} and bundled with the demo ({@code
 * scripts/make_mask_bundle.sh}), for the methods too slow to run while the demo runs: extremal and meaningful
 * perturbations. A folder holds {@code .npy} files of inputs and, beside each, the maps of its i-th input as {@code
 * <stem>-<i>.<method>.json}. The maps are served by explainers that find an input by its values; an input that was not
 * bundled, or a target other than the predicted class the maps were made for, is refused.
 */
public final class BundledMaps {
    /** The bundled methods, in the order the demo shows them. */
    public static final List<String> METHODS = List.of("extremal", "meaningful");

    private BundledMaps() {
    }

    /** One explainer per bundled method, serving the maps of every input in {@code dir} (inputs of {@code shape}). */
    public static Map<String, Explainer> read(Path dir, Shape shape) {
        Map<String, Map<Key, Attribution>> maps = new LinkedHashMap<>();
        METHODS.forEach(m -> maps.put(m, new HashMap<>()));
        try (var files = Files.list(dir)) {
            for (Path npy : files.filter(f -> f.getFileName().toString().endsWith(".npy")).sorted().toList()) {
                String stem = npy.getFileName().toString().replaceFirst("\\.npy$", "");
                List<Sample> inputs = NpyReader.samples(npy, shape);
                for (int i = 0; i < inputs.size(); i++) {
                    for (String method : METHODS) {
                        Path json = dir.resolve(stem + "-" + i + "." + method + ".json");
                        maps.get(method).put(new Key(inputs.get(i).values()), attribution(json));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled maps in " + dir, e);
        }
        Map<String, Explainer> out = new LinkedHashMap<>();
        maps.forEach((method, byInput) -> out.put(method, new Lookup(method, byInput)));
        return out;
    }

    /** An attribution as {@link dev.glassbox.core.output.AttributionWriter#json} writes it. */
    private static Attribution attribution(Path file) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        int[] shape = json.getAsJsonArray("shape").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
        List<JsonElement> values = json.getAsJsonArray("values").asList();
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).getAsFloat();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        json.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().isJsonPrimitive()
                && e.getValue().getAsJsonPrimitive().isNumber() ? e.getValue().getAsDouble() : e.getValue().toString()));
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        json.getAsJsonObject("diagnostics").entrySet().forEach(e -> diagnostics.put(e.getKey(),
                e.getValue().getAsDouble()));
        return Attribution.of(json.get("method").getAsString(), json.get("target").getAsInt(), Shape.of(shape), v,
                params, diagnostics);
    }

    /** An input's values as a map key. */
    private record Key(float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** The bundled maps of one method. */
    private record Lookup(String method, Map<Key, Attribution> maps) implements Explainer {
        @Override
        public Attribution explain(float[] input, Target target) {
            if (target != Target.PREDICTED) {
                throw new IllegalArgumentException("the bundled " + method + " maps explain the predicted class only");
            }
            Attribution map = maps.get(new Key(input));
            if (map == null) {
                throw new IllegalStateException("no bundled " + method + " map for this input: the demo's bundled "
                        + "maps cover its own images only (scripts/make_mask_bundle.sh makes them)");
            }
            return map;
        }
    }
}
