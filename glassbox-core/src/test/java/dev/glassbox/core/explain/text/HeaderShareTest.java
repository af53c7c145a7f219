package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderShareTest {

    private static Attribution attribution(String text, float... values) {
        TokenGrouping tokens = TokenGrouping.byPosition(text, Tokenizer.WORDS.tokenize(text));
        return new Attribution("test", 0, Shape.of(values.length), values, List.of(), Map.of(), Map.of(), tokens,
                new float[0]);
    }

    @Test
    void massSplitsAtTheEndOfTheHeader() {
        HeaderShare s = HeaderShare.of(attribution("Subject: hello\n\nwin big", 1, -3, 2, -2));

        assertThat(s.headerMass()).isEqualTo(4);
        assertThat(s.bodyMass()).isEqualTo(4);
        assertThat(s.headerTokens()).isEqualTo(2);
        assertThat(s.bodyTokens()).isEqualTo(2);
        assertThat(s.share()).isEqualTo(0.5);
        assertThat(s.tokenShare()).isEqualTo(0.5);
    }

    @Test
    void theMeanSkipsAttributionsThatAreZeroEverywhere() {
        HeaderShare all = HeaderShare.of(attribution("Subject: a\n\nb", 1, 1, 0));
        HeaderShare none = HeaderShare.of(attribution("Subject: a\n\nb", 0, 0, 0));
        HeaderShare quarter = HeaderShare.of(attribution("no header here", 0, 0, 4));

        assertThat(none.share()).isZero();
        assertThat(HeaderShare.meanShare(List.of(all, none, quarter))).isCloseTo(0.5, within(1e-12));
    }
}
