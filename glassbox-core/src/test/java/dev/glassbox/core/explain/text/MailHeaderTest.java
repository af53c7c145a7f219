package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MailHeaderTest {

    @Test
    void theBodyStartsAfterTheFirstEmptyLineOfAMail() {
        assertThat(MailHeader.bodyStart(TextEncoderTest.MAIL)).isEqualTo(TextEncoderTest.MAIL.indexOf("Dear"));
        assertThat(MailHeader.bodyStart("Subject: hi\n\nbody\n\nmore")).isEqualTo(13);
        assertThat(MailHeader.bodyStart("Subject: only a header\nTo: bob")).isEqualTo(30);
    }

    @Test
    void textsWithoutAHeaderAreAllBody() {
        assertThat(MailHeader.bodyStart("win money now\n\nreally: now")).isZero();
        assertThat(MailHeader.bodyStart("")).isZero();
    }

    @Property(tries = 100)
    void maskingWordsNeverMovesTheBoundary(@ForAll long seed) {
        String text = TextEncoderTest.MAIL;
        Tokenizer tokenizer = TextEncoder.Settings.words(TextEncoder.Part.WHOLE, 1).tokenizer();
        List<Token> tokens = tokenizer.tokenize(text);
        boolean[] kept = new boolean[tokens.size()];
        Random random = new Random(seed);
        for (int i = 0; i < kept.length; i++) {
            kept[i] = random.nextBoolean();
        }
        String masked = TextMasking.replaceWith(Vocabulary.PAD).apply(text, tokens, kept);

        assertThat(headerTokens(tokenizer, masked)).isEqualTo(headerTokens(tokenizer, text)).isPositive();
        assertThat(tokenizer.tokenize(masked)).hasSameSizeAs(tokens);
    }

    private static long headerTokens(Tokenizer tokenizer, String text) {
        int bodyStart = MailHeader.bodyStart(text);
        return tokenizer.tokenize(text).stream().filter(t -> t.start() < bodyStart).count();
    }
}
