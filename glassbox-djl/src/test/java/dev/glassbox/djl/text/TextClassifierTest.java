package dev.glassbox.djl.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.ShapleyExact;
import dev.glassbox.core.explain.text.HeaderShare;
import dev.glassbox.core.explain.text.TextEncoder;
import dev.glassbox.core.explain.text.TextMasking;
import dev.glassbox.core.explain.text.Token;
import dev.glassbox.core.explain.text.Vocabulary;
import dev.glassbox.core.model.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextClassifierTest {
    private static final String MAIL = "Subject: free money offer\nFrom: friend@win.example\n\n"
            + "hello friend, win free money now at the meeting\n";
    private static final TextMethods.Settings SETTINGS = TextMethods.Settings.defaults().withSamples(300, 0);

    @Test
    void aBodyOnlyModelTrulyIgnoresHeaderWordsAndEveryMethodGivesThemExactlyZero() {
        try (TextClassifier model = TextNets.random(TextEncoder.Part.BODY, 24, 7)) {
            String otherHeader = MAIL.replace("free money offer", "hello meeting").replace("friend@win", "win@friend");
            assertThat(model.predict(List.of(otherHeader))[0]).containsExactly(model.predict(List.of(MAIL))[0]);

            for (String method : TextMethods.NAMES) {
                Attribution a = TextMethods.create(method, model, SETTINGS).explain(MAIL, Target.index(1));
                HeaderShare share = HeaderShare.of(a);
                assertThat(share.headerTokens()).isEqualTo(8);
                assertThat(share.headerMass()).as(method).isZero();
                assertThat(share.bodyMass()).as(method).isPositive();
            }
        }
    }

    @Test
    void kernelShapEnumeratingEveryCoalitionOfAShortMailEqualsExactShapleyValues() {
        String shortMail = "Subject: free money\n\nwin now, friend";
        try (TextClassifier model = TextNets.random(TextEncoder.Part.WHOLE, 16, 3)) {
            Attribution shap = model.perturbation(KernelShap.builder().seed(9).build()).build()
                    .explain(shortMail, Target.index(1));
            Attribution exact = model.perturbation(ShapleyExact.create()).build().explain(shortMail, Target.index(1));

            assertThat(shap.values()).hasSize(6);
            assertThat(shap.diagnostics()).containsEntry("exact", 1.0);
            assertThat(shap.values()).containsExactly(exact.values(), within(1e-5f));
            assertThat(Math.abs(exact.values()[2])).isPositive();
        }
    }

    @Test
    void integratedGradientsOnTheEmbeddingsIsCompleteFromTheAllPaddingText() {
        try (TextClassifier model = TextNets.random(TextEncoder.Part.WHOLE, 32, 5)) {
            Attribution ig = EmbeddingAttribution.integratedGradients(model, 256, IntegrationRule.GAUSS_LEGENDRE)
                    .explain(MAIL, Target.index(1));

            List<Token> tokens = model.encoder().tokenizer().tokenize(MAIL);
            boolean[] none = new boolean[tokens.size()];
            String allPadding = TextMasking.replaceWith(Vocabulary.PAD).apply(MAIL, tokens, none);
            float[][] scores = model.predict(List.of(MAIL, allPadding));
            double change = scores[0][1] - scores[1][1];
            assertThat(ig.diagnostics().get("score")).isCloseTo(scores[0][1], within(1e-5));
            assertThat(ig.diagnostics().get("baselineScore")).isCloseTo(scores[1][1], within(1e-5));
            assertThat(ig.sum()).isCloseTo(change, within(2e-3 * Math.abs(change)));
            assertThat(Math.abs(ig.diagnostics().get("completenessDelta"))).isLessThan(2e-3 * Math.abs(change));
            assertThat(ig.params()).containsEntry("baseline", "padding embedding").containsEntry("steps", 256);
        }
    }

    @Test
    void gradientTimesInputSumsTheEmbeddingGradientTimesTheEmbeddingOverEachTokensDimensions() {
        try (TextClassifier model = TextNets.random(TextEncoder.Part.WHOLE, 12, 11)) {
            Attribution ixg = EmbeddingAttribution.gradientTimesInput(model).explain(MAIL, Target.index(0));

            TextEncoder.Encoding encoding = model.encoder().encode(MAIL);
            float[] embedding = model.network().activations(new float[][] {encoding.row()}, TextClassifier.EMBEDDING)[0];
            float[] gradient = model.embeddingGradients().inputGradient(new float[][] {embedding}, Target.index(0))[0];
            int dimension = embedding.length / 12;
            for (int t = 0; t < encoding.tokens().size(); t++) {
                int p = encoding.positions()[t];
                double expected = 0;
                for (int d = 0; p >= 0 && d < dimension; d++) {
                    expected += embedding[p * dimension + d] * gradient[p * dimension + d];
                }
                assertThat(ixg.values()[t]).as("token %d", t).isCloseTo((float) expected, within(1e-6f));
            }
            assertThat(Arrays.copyOfRange(ixg.values(), 12, encoding.tokens().size())).containsOnly(0f);
            assertThat(ixg.featureNames()).startsWith("Subject", "free", "money");
        }
    }
}
