package dev.glassbox.core.explain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.perturb.FeatureAblation;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.Lime;
import dev.glassbox.core.model.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Explanations of a model that says what it reads: tokens outside its view are no features, get exactly 0, cost nothing. */
class ModelViewTest {
    private static final String MAIL = "Subject: money money\nFrom: win@example.com\n\nwin money at the meeting\n";
    private static final Map<String, Integer> WEIGHTS = Map.of("win", 1, "money", 2, "meeting", -1);
    private static final TextEncoder BODY = new TextEncoder(TextEncoder.Settings.words(TextEncoder.Part.BODY, 32),
            Vocabulary.of(List.of("win", "money", "meeting", "at", "the")));

    /** Spam score: the body's weighted words, read through the body-only encoder; ham score: its negative. */
    private final TextModel bodyFilter = new TextModel() {
        @Override
        public float[][] predict(List<String> texts) {
            float[][] out = new float[texts.size()][2];
            for (int i = 0; i < out.length; i++) {
                for (int id : BODY.encode(texts.get(i)).ids().values()) {
                    out[i][1] += WEIGHTS.getOrDefault(BODY.vocabulary().word(id), 0);
                }
                out[i][0] = -out[i][1];
            }
            return out;
        }

        @Override
        public Object inputKey(String text) {
            return BODY.encode(text).ids();
        }
    };

    private TextExplainer explainer(dev.glassbox.core.explain.perturb.CoalitionMethod method) {
        return TextPerturbationExplainer.builder(bodyFilter, method).tokenizer(BODY.tokenizer())
                .masking(TextMasking.replaceWith(Vocabulary.PAD)).build();
    }

    @Test
    void theModelTrulyIgnoresItsHeader() {
        float[][] scores = bodyFilter.predict(List.of(MAIL, MAIL.replace("Subject: money money", "Subject: win win meeting")));

        assertThat(scores[1]).containsExactly(scores[0]);
        assertThat(scores[0][1]).isEqualTo(2);
    }

    @Test
    void occlusionGivesHeaderWordsExactlyZeroWithoutEvaluatingThem() {
        Attribution a = explainer(FeatureAblation.occlusion()).explain(MAIL, Target.index(1));

        assertThat(a.featureNames()).containsExactly("Subject", "money", "money", "From", "win", "example", "com", "win",
                "money", "at", "the", "meeting");
        assertThat(a.values()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, -1);
        assertThat(a.diagnostics().get("modelEvaluations")).isEqualTo(1 + 5);
    }

    @Test
    void kernelShapGivesHeaderWordsExactlyZeroAndIsExactOnTheBody() {
        Attribution a = explainer(KernelShap.builder().seed(4).build()).explain(MAIL, Target.index(1));

        for (int t = 0; t < 7; t++) {
            assertThat(a.values()[t]).as("header token %d", t).isZero();
        }
        assertThat(a.values()).containsExactly(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, -1}, within(1e-6f));
        assertThat(a.diagnostics()).containsEntry("unreadFeatures", 7.0).containsEntry("exact", 1.0);
    }

    @Test
    void limeLeavesWordsTheModelDoesNotReadOutOfItsSurrogate() {
        Attribution a = explainer(Lime.forText().samples(400).seed(2).topK(Integer.MAX_VALUE).build())
                .explain(MAIL, Target.index(1));

        for (int t = 0; t < 7; t++) {
            assertThat(a.values()[t]).as("header token %d", t).isZero();
        }
        assertThat(a.values()[8]).isCloseTo(2f, within(0.3f));
        assertThat(a.values()[11]).isCloseTo(-1f, within(0.3f));
    }
}
