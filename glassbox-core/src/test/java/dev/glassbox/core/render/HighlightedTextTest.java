package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.explain.text.Token;
import dev.glassbox.core.explain.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightedTextTest {
    private static final String MAIL = "Subject: <script>alert('x')</script>\n\nTom & Jerry's \"deal\" <b>now</b>";

    @Test
    void everyCharacterOfTheTextIsEscaped() {
        List<Token> tokens = Tokenizer.WORDS.tokenize(MAIL);
        float[] values = new float[tokens.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3 - 1;
        }

        String html = HighlightedText.html(MAIL, tokens, values);

        assertThat(html).doesNotContain("<script>", "</script>", "<b>", "alert('x')")
                .contains("&lt;", "&gt;", "</span> &amp; <span", "&#39;", "&quot;", "\n\n");
        String visible = html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        assertThat(visible).endsWith(MAIL);
    }

    @Test
    void positiveTokensAreRedNegativeBlueAndZeroUncoloured() {
        String text = "good bad plain";
        String html = HighlightedText.html(text, Tokenizer.WORDS.tokenize(text), new float[] {2, -2, 0});

        assertThat(html).contains("<span style=\"background:rgb(178,24,43)\" title=\"2.000\">good</span>")
                .contains("<span style=\"background:rgb(33,102,172)\" title=\"-2.000\">bad</span>")
                .contains(" plain</div>");
    }

    @Test
    void tokensMustComeFromTheText() {
        assertThatThrownBy(() -> HighlightedText.html("ab", List.of(new Token("x", 0, 1)), new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HighlightedText.html("ab", List.of(new Token("a", 0, 1)), new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportCarriesTheHighlightedTextEscaped() {
        String page = new HtmlReport("t", "s").highlightedText("ig <attribution> to spam", MAIL,
                Tokenizer.WORDS.tokenize(MAIL), new float[Tokenizer.WORDS.tokenize(MAIL).size()]).render();

        assertThat(page).contains("ig &lt;attribution&gt; to spam").contains("class=\"tokens\"").doesNotContain("<script>");
    }
}
