package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextEncoderTest {
    static final String MAIL = "From bob@example.com  Thu Aug 22 13:17:22 2002\r\n"
            + "Subject: WIN a <b>Prize</b> & more\r\n"
            + "\r\n"
            + "Dear Friend, you WIN \u00e9t\u00e9 prizes_2002 [PAD] today!\r\n";
    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("win", "prize", "dear", "you", "subject"));

    @Property(tries = 200)
    void everyTokenIsTheExactSpanOfTheTextItCameFrom(
            @ForAll @StringLength(max = 80) @Chars({'a', 'Z', '7', '_', ' ', '\n', '\r', ':', '<', '&', '[', ']', '\u00e9',
                    '\u0130'}) String text) {
        List<Token> tokens = TextEncoder.Settings.words(TextEncoder.Part.WHOLE, 16).tokenizer().tokenize(text);
        int previousEnd = 0;
        for (Token token : tokens) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.text());
            assertThat(token.start()).isGreaterThanOrEqualTo(previousEnd);
            previousEnd = token.end();
        }
    }

    @Test
    void wholeTextsAreLowercasedLookedUpAndPadded() {
        TextEncoder encoder = new TextEncoder(TextEncoder.Settings.words(TextEncoder.Part.WHOLE, 40), VOCABULARY);

        TextEncoder.Encoding e = encoder.encode(MAIL);

        Token win = e.tokens().get(e.tokens().stream().map(Token::text).toList().indexOf("WIN"));
        assertThat(MAIL.substring(win.start(), win.end())).isEqualTo("WIN");
        int[] ids = e.ids().values();
        assertThat(ids).hasSize(40);
        assertThat(ids[e.positions()[e.tokens().indexOf(win)]]).isEqualTo(VOCABULARY.id("win"));
        assertThat(e.tokens()).extracting(Token::text).contains("[PAD]", "\u00e9t\u00e9", "prizes_2002", "b", "Prize");
        int pad = e.tokens().stream().map(Token::text).toList().indexOf("[PAD]");
        assertThat(ids[e.positions()[pad]]).isEqualTo(Vocabulary.PAD_ID);
        assertThat(ids[e.positions()[e.tokens().size() - 1]]).isEqualTo(Vocabulary.UNKNOWN_ID);
        assertThat(ids[e.tokens().size()]).isEqualTo(Vocabulary.PAD_ID);
        assertThat(e.row()[0]).isEqualTo(ids[0]);
    }

    @Test
    void bodyOnlyEncodersSkipTheHeaderAndLongTextsAreCut() {
        TextEncoder body = new TextEncoder(TextEncoder.Settings.words(TextEncoder.Part.BODY, 3), VOCABULARY);

        TextEncoder.Encoding e = body.encode(MAIL);

        int dear = e.tokens().stream().map(Token::text).toList().indexOf("Dear");
        for (int t = 0; t < e.tokens().size(); t++) {
            int expected = t >= dear && t < dear + 3 ? t - dear : -1;
            assertThat(e.positions()[t]).as("position of token %d", t).isEqualTo(expected);
        }
        assertThat(e.ids().values()).containsExactly(VOCABULARY.id("dear"), Vocabulary.UNKNOWN_ID, VOCABULARY.id("you"));
        assertThat(body.settings().words(MAIL)).containsExactly("dear", "friend", "you");
    }

    @Test
    void encodingsOfTextsTheModelReadsAlikeAreEqual() {
        TextEncoder body = new TextEncoder(TextEncoder.Settings.words(TextEncoder.Part.BODY, 8), VOCABULARY);
        String otherHeader = MAIL.replace("Prize", "[PAD]").replace("bob", "eve");

        assertThat(body.encode(otherHeader).ids()).isEqualTo(body.encode(MAIL).ids())
                .hasSameHashCodeAs(body.encode(MAIL).ids());
        assertThat(body.encode(MAIL.replace("you", "prize")).ids()).isNotEqualTo(body.encode(MAIL).ids());
    }

    /**
     * Whether the first line holds a colon decides where a mail's body starts, so a body encoder reads the whole first
     * line: dropping the word after it ("a a a" + newline + "a:" becomes "a a a:", a header line) changes the ids.
     */
    @Test
    void aBodyEncoderReadsTheWholeFirstLine() {
        TextEncoder body = new TextEncoder(TextEncoder.Settings.words(TextEncoder.Part.BODY, 1), VOCABULARY);
        String text = "a a a\na:";
        assertThat(body.readEnd(text)).isEqualTo(6);
        assertThat(body.ids("a a a:")).isNotEqualTo(body.ids(text));
    }

    @Property(tries = 500)
    void idsStopAtTheRowAndMaskingAWordPastReadEndChangesNothing(
            @ForAll @StringLength(max = 60) @Chars({'a', 'Z', '7', ' ', '\n', ':', '[', ']', 'P', 'A', 'D'}) String text,
            @ForAll @IntRange(min = 1, max = 5) int maxTokens, @ForAll boolean body, @ForAll boolean drop,
            @ForAll @IntRange(min = 0, max = 40) int which) {
        TextEncoder encoder = new TextEncoder(TextEncoder.Settings.words(body ? TextEncoder.Part.BODY
                : TextEncoder.Part.WHOLE, maxTokens), VOCABULARY);
        assertThat(encoder.ids(text)).isEqualTo(encoder.encode(text).ids());
        List<Token> tokens = encoder.tokenizer().tokenize(text);
        if (tokens.isEmpty()) {
            return;
        }
        int t = which % tokens.size();
        boolean[] kept = new boolean[tokens.size()];
        java.util.Arrays.fill(kept, true);
        kept[t] = false;
        String masked = (drop ? TextMasking.drop() : TextMasking.replaceWith("[PAD]")).apply(text, tokens, kept);
        int changedFrom = t == 0 ? 0 : tokens.get(t - 1).end();
        if (changedFrom >= encoder.readEnd(text)) {
            assertThat(encoder.ids(masked)).as("%s without token %d: %s", text, t, masked).isEqualTo(encoder.ids(text));
        }
    }
}
