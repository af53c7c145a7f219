package dev.glassbox.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StableJsonTest {
    @Test
    void mapsWithTheSameEntriesInAnotherIterationOrderGiveTheSameBytes() {
        Map<String, Object> small = new HashMap<>(2);
        Map<String, Object> large = new HashMap<>(1 << 12);
        for (int i = 0; i < 40; i++) {
            small.put("key" + i, i);
        }
        for (int i = 39; i >= 0; i--) {
            large.put("key" + i, i);
        }
        assertThat(new ArrayList<>(small.keySet())).as("the maps iterate in different orders")
                .isNotEqualTo(new ArrayList<>(large.keySet()));
        assertThat(StableJson.toJson(Map.of("params", small))).isEqualTo(StableJson.toJson(Map.of("params", large)));
        assertThat(StableJson.toJson(Map.of("b", 1, "a", 2, "c", 3)).replaceAll("\\s", "")).isEqualTo("{\"a\":2,\"b\":1,\"c\":3}");
    }
}
