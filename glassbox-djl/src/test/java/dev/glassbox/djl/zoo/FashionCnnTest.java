package dev.glassbox.djl.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.convolutional.Conv2d;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.model.NamedBlocks;
import org.junit.jupiter.api.Test;

class FashionCnnTest {

    private static long filters(NamedBlocks net, String layer) {
        return ((Conv2d) net.layer(layer)).getFilters();
    }

    @Test
    void widthScalesEveryConvolutionAndItsNameRebuildsIt() {
        NamedBlocks half = FashionCnn.build(0.5, 0.1f);
        assertThat(new long[] {filters(half, "conv1"), filters(half, "conv3"), filters(half, "conv5")})
                .containsExactly(16, 32, 64);
        assertThat(FashionCnn.name(1)).isEqualTo(FashionCnn.NAME);
        assertThat(FashionCnn.name(0.5)).isEqualTo("fashion-cnn-width-0.5");
        NamedBlocks rebuilt = Architectures.build(FashionCnn.name(0.5));
        assertThat(filters(rebuilt, "conv5")).isEqualTo(64);
        assertThat(filters(FashionCnn.build(0.01, 0f), "conv1")).isEqualTo(8);
        assertThat(filters(FashionCnn.build(0.35, 0f), "conv5")).isEqualTo(48);
        assertThatThrownBy(() -> FashionCnn.build(0, 0.3f)).hasMessageContaining("width multiplier");
        assertThatThrownBy(() -> FashionCnn.build(1, 1f)).hasMessageContaining("dropout rate");
        assertThatThrownBy(() -> Architectures.build("fashion-cnn-width-x")).isInstanceOf(ModelLoadException.class);
    }
}
