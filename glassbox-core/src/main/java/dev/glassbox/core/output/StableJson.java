package dev.glassbox.core.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON writer of glassbox's outputs (the command line's and the public writers'): pretty-printed, and byte-reproducible. Maps keep their order when it was
 * chosen ({@link LinkedHashMap}, sorted maps); any other map ({@code Map.of}, whose iteration order changes from one
 * run to the next, or a {@code HashMap}) is written with its keys sorted.
 */
public final class StableJson {
    private static final Gson PRETTY = builder().create();
    private static final Gson PRETTY_SPECIAL_FLOATS = builder().serializeSpecialFloatingPointValues().create();

    private StableJson() {
    }

    /** Pretty JSON; NaN and infinities are refused, as Gson does by default. */
    public static String toJson(Object value) {
        return PRETTY.toJson(value);
    }

    /** Pretty JSON that writes NaN and infinities as the bare words JavaScript reads. */
    public static String toJsonAllowingSpecialFloats(Object value) {
        return PRETTY_SPECIAL_FLOATS.toJson(value);
    }

    private static GsonBuilder builder() {
        JsonSerializer<Map<?, ?>> maps = (map, type, context) -> {
            Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?> ? map
                    : sorted(map);
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> entry : ordered.entrySet()) {
                JsonElement value = context.serialize(entry.getValue());
                object.add(String.valueOf(entry.getKey()), value);
            }
            return object;
        };
        return new GsonBuilder().setPrettyPrinting().registerTypeHierarchyAdapter(Map.class, maps);
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
