package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @Test
    void frequentWordsComeFirstAndRareOnesAreUnknown() {
        Vocabulary v = Vocabulary.build(Stream.of("b", "a", "c", "b", "a", "d", "b", "[PAD]", "[PAD]"), 2, 10);

        assertThat(v.size()).isEqualTo(4);
        assertThat(v.word(0)).isEqualTo(Vocabulary.PAD);
        assertThat(v.word(1)).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(v.id("b")).isEqualTo(2);
        assertThat(v.id("a")).isEqualTo(3);
        assertThat(v.id("c")).isEqualTo(Vocabulary.UNKNOWN_ID);
        assertThat(v.id(Vocabulary.PAD)).isEqualTo(Vocabulary.PAD_ID);
        assertThat(Vocabulary.build(Stream.of("b", "a", "b", "a", "c"), 1, 1).size()).isEqualTo(3);
    }

    @Test
    void aWrittenVocabularyReadsBackTheSame(@TempDir Path dir) throws IOException {
        Vocabulary v = Vocabulary.of(List.of("caf\u00e9", "win", "2002"));
        Path file = dir.resolve("vocabulary.txt");

        v.write(file);
        Vocabulary back = Vocabulary.read(file);

        assertThat(back.size()).isEqualTo(5);
        for (String w : List.of("caf\u00e9", "win", "2002", "zzz")) {
            assertThat(back.id(w)).isEqualTo(v.id(w));
        }
    }

    @Test
    void brokenVocabulariesAreRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("v.txt"), "win\nlose\n");

        assertThatThrownBy(() -> Vocabulary.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("starts with [PAD] and [UNK]");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a\nb"))).hasMessageContaining("spans lines");
    }
}
