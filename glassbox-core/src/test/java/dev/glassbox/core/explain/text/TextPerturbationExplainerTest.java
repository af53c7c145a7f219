package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextPerturbationExplainerTest {
    private final List<String> seen = new ArrayList<>();

    /** Score 0: +1 per "good", −1 per "bad"; score 1: the number of words. Records the texts it sees. */
    private final TextModel sentiment = texts -> {
        float[][] out = new float[texts.size()][2];
        for (int i = 0; i < texts.size(); i++) {
            synchronized (seen) {
                seen.add(texts.get(i));
            }
            for (Token t : Tokenizer.WORDS.tokenize(texts.get(i))) {
                String w = t.text().toLowerCase(Locale.ROOT);
                out[i][0] += w.equals("good") ? 1 : w.equals("bad") ? -1 : 0;
                out[i][1]++;
            }
        }
        return out;
    };

    @Test
    void occlusionDroppingEachWordCreditsTheSentimentWords() {
        TextExplainer occlusion = TextPerturbationExplainer.builder(sentiment, FeatureAblation.occlusion()).build();

        Attribution a = occlusion.explain("The food was good, the service bad.", Target.index(0));

        assertThat(a.method()).isEqualTo("occlusion");
        assertThat(a.featureNames()).containsExactly("The", "food", "was", "good", "the", "service", "bad");
        assertThat(a.values()).containsExactly(0, 0, 0, 1, 0, 0, -1);
        assertThat(seen).contains("The food was, the service bad.", "The food was good, the service.");
        TokenGrouping tokens = (TokenGrouping) a.grouping();
        assertThat(tokens.tokens().get(3)).isEqualTo(new Token("good", 13, 17));
    }

    @Test
    void occlusionCanReplaceWordsWithAMaskToken() {
        TextExplainer occlusion = TextPerturbationExplainer.builder(sentiment, FeatureAblation.occlusion())
                .masking(TextMasking.replaceWith("[MASK]")).build();

        Attribution a = occlusion.explain("good bad", Target.index(1));

        assertThat(a.values()).containsExactly(0, 0);
        assertThat(seen).contains("[MASK] bad", "good [MASK]");
        assertThat(a.params()).containsEntry("masking", "replace([MASK])");
    }

    @Test
    void droppingWordsRejoinsTheText() {
        String text = "  a fine, long film!";
        List<Token> tokens = Tokenizer.WORDS.tokenize(text);
        TextMasking drop = TextMasking.drop();

        assertThat(drop.apply(text, tokens, new boolean[] {true, false, true, true})).isEqualTo("  a, long film!");
        assertThat(drop.apply(text, tokens, new boolean[] {false, true, true, false})).isEqualTo("  fine, long!");
        assertThat(drop.apply(text, tokens, new boolean[] {false, false, false, false})).isEqualTo("  !");
    }

    @Test
    void limeOnWordsFindsTheSignOfEachWord() {
        TextExplainer lime = TextPerturbationExplainer.builder(sentiment, Lime.forText().samples(500).seed(3).build())
                .bagOfWords(true).build();

        Attribution a = lime.explain("good film , good plot , bad ending", Target.index(0));

        assertThat(a.featureNames()).containsExactly("good", "film", "plot", "bad", "ending");
        assertThat(a.values()[0]).isCloseTo(2f, within(0.2f));
        assertThat(a.values()[3]).isCloseTo(-1f, within(0.2f));
        assertThat(Math.abs(a.values()[1])).isLessThan(0.1f);
        assertThat(a.grouping().expand(a.values())).containsExactly(a.values()[0], a.values()[1], a.values()[0],
                a.values()[2], a.values()[3], a.values()[4]);
        assertThat(a.params()).containsEntry("features", "words").containsEntry("sampling", "by_removal_count");
    }

    @Test
    void kernelShapOverTokensIsExactOnAnAdditiveModel() {
        TextExplainer shap = TextPerturbationExplainer.builder(sentiment, KernelShap.builder().build()).build();

        Attribution a = shap.explain("bad start but good end", Target.index(0));

        assertThat(a.values()).containsExactly(new float[] {-1, 0, 0, 1, 0}, within(1e-5f));
        assertThat(a.diagnostics()).containsEntry("expectedValue", 0.0).containsEntry("modelPrediction", 0.0);
    }

    @Test
    void emptyTextIsRejected() {
        TextExplainer occlusion = TextPerturbationExplainer.builder(sentiment, FeatureAblation.occlusion()).build();

        assertThatThrownBy(() -> occlusion.explain("  ", Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("text is empty");
        assertThatThrownBy(() -> occlusion.explain("?!", Target.index(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no tokens");
        assertThatThrownBy(() -> occlusion.explain("fine", Target.index(2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of range");
    }

    /** Reads the first five words: its key is them, and it says so through readEnd (unless {@code claim} is false). */
    private static TextModel firstFiveWords(int[] keyCalls, boolean claim) {
        return new TextModel() {
            @Override
            public float[][] predict(List<String> texts) {
                float[][] out = new float[texts.size()][1];
                for (int i = 0; i < texts.size(); i++) {
                    List<Token> words = Tokenizer.WORDS.tokenize(texts.get(i));
                    for (int w = 0; w < Math.min(5, words.size()); w++) {
                        out[i][0] += words.get(w).text().length() * (w + 1);
                    }
                }
                return out;
            }

            @Override
            public Object inputKey(String text) {
                keyCalls[0]++;
                return Tokenizer.WORDS.tokenize(text).stream().limit(5).map(Token::text).toList();
            }

            @Override
            public int readEnd(String text) {
                List<Token> words = Tokenizer.WORDS.tokenize(text);
                return claim && words.size() > 6 ? words.get(6).start() : text.length();
            }
        };
    }

    @Test
    void occlusionOfALongTextReadsOnlyAsManyTextsAsTheModelReadsWords() {
        String text = "alpha beta gamma delta epsilon " + "filler words that are never read ".repeat(300);
        int[] claimed = new int[1];
        int[] unclaimed = new int[1];
        Attribution fast = TextPerturbationExplainer.builder(firstFiveWords(claimed, true), FeatureAblation.occlusion())
                .masking(TextMasking.replaceWith("[MASK]")).build().explain(text, Target.index(0));
        Attribution slow = TextPerturbationExplainer.builder(firstFiveWords(unclaimed, false),
                FeatureAblation.occlusion()).masking(TextMasking.replaceWith("[MASK]")).build().explain(text, Target.index(0));
        assertThat(fast.values()).containsExactly(slow.values());
        assertThat(fast.values()).startsWith(1, 0, 3, 4, 15);
        assertThat(fast.diagnostics().get("unreadFeatures")).isEqualTo(slow.diagnostics().get("unreadFeatures"));
        assertThat(unclaimed[0]).isGreaterThan(1_800);
        assertThat(claimed[0]).isLessThan(20);
    }
}
