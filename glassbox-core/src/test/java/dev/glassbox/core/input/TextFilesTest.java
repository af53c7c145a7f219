package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    private static final List<String> CLASSES = List.of("ham", "spam");

    @Test
    void plainTextKeepsEveryCharacterAndMarksBrokenBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mail.txt");
        byte[] utf8 = "\uFEFFSubject: caf\u00e9\r\n\r\nhi".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        bytes[utf8.length] = (byte) 0xE9;
        Files.write(file, bytes);

        assertThat(TextFiles.read(file)).isEqualTo("Subject: caf\u00e9\r\n\r\nhi\uFFFD");
    }

    @Test
    void labelledLinesReadFromGzip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mails.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("{\"id\":\"a\",\"label\":\"spam\",\"text\":\"WIN\\nnow\"}\n\n"
                    + "{\"label\":\"ham\",\"text\":\"hi <b>&</b>\"}\n").getBytes(StandardCharsets.UTF_8));
        }

        LabelledTexts texts = TextFiles.readLabelled(file, CLASSES);

        assertThat(texts.count()).isEqualTo(2);
        assertThat(texts.texts()).containsExactly("WIN\nnow", "hi <b>&</b>");
        assertThat(texts.labels()).containsExactly(1, 0);
        assertThat(texts.ids()).containsExactly("a", "1");
        assertThat(texts.slice(1, 2).texts()).containsExactly("hi <b>&</b>");
    }

    @Test
    void unknownLabelsAndBrokenLinesAreRefused(@TempDir Path dir) throws IOException {
        Path unknown = Files.writeString(dir.resolve("u.jsonl"), "{\"label\":\"eggs\",\"text\":\"x\"}\n");
        Path broken = Files.writeString(dir.resolve("b.jsonl"), "{\"label\":\"ham\",\"text\":\"x\"}\nnot json\n");

        assertThatThrownBy(() -> TextFiles.readLabelled(unknown, CLASSES)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'eggs' is not one of [ham, spam]");
        assertThatThrownBy(() -> TextFiles.readLabelled(broken, CLASSES)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("record 2");
    }
}
