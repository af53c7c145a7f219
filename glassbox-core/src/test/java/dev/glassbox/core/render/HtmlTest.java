package dev.glassbox.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkup() {
        assertThat(Html.escape("<b a=\"x\">Tom & 'Jerry'</b>"))
                .isEqualTo("&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
    }

    @Test
    void showsDirectionControlsInsteadOfObeyingThem() {
        String text = "pay \u202Eeulav\u202C now \u2066x\u2069 \u200E\u200F\u202A\u202B\u202D\u2067\u2068";
        String escaped = Html.escape(text);
        assertThat(escaped).doesNotContain("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u200E", "\u200F");
        assertThat(escaped).startsWith("pay \u27e8U+202E\u27e9eulav\u27e8U+202C\u27e9 now \u27e8U+2066\u27e9x\u27e8U+2069\u27e9 ")
                .contains("\u27e8U+200E\u27e9\u27e8U+200F\u27e9");
        assertThat(Html.escape("naïve 图像 \u200D")).isEqualTo("naïve 图像 \u200D");
    }
}
