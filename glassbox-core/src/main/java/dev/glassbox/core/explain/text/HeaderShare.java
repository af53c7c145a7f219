package dev.glassbox.core.explain.text;

import dev.glassbox.core.explain.Attribution;
import java.util.List;

/**
 * How an e-mail's attribution divides between its header and its body: the |attribution| summed over the tokens before
 * {@link MailHeader#bodyStart(String)} and over those after it, with the number of tokens on each side. A model that
 * reads a spurious cue in the headers (mail servers, dates, addresses) shows most of its mass there.
 *
 * @param headerMass Σ|attribution| over header tokens
 * @param bodyMass Σ|attribution| over body tokens
 * @param headerTokens the number of header tokens
 * @param bodyTokens the number of body tokens
 */
public record HeaderShare(double headerMass, double bodyMass, int headerTokens, int bodyTokens) {

    /** The split of an attribution over the tokens of an e-mail. */
    public static HeaderShare of(Attribution attribution) {
        if (!(attribution.grouping() instanceof TokenGrouping grouping)) {
            throw new IllegalArgumentException(attribution.method() + " does not attribute to the tokens of a text");
        }
        int bodyStart = MailHeader.bodyStart(grouping.text());
        float[] values = attribution.inputValues();
        double header = 0;
        double body = 0;
        int headerTokens = 0;
        for (int t = 0; t < values.length; t++) {
            if (grouping.tokens().get(t).start() < bodyStart) {
                header += Math.abs(values[t]);
                headerTokens++;
            } else {
                body += Math.abs(values[t]);
            }
        }
        return new HeaderShare(header, body, headerTokens, values.length - headerTokens);
    }

    /** The header's share of the attribution mass, or 0 when the attribution is zero everywhere. */
    public double share() {
        double total = headerMass + bodyMass;
        return total == 0 ? 0 : headerMass / total;
    }

    /** The header's share of the tokens (what the mass share would be if every token weighed the same). */
    public double tokenShare() {
        int total = headerTokens + bodyTokens;
        return total == 0 ? 0 : headerTokens / (double) total;
    }

    /** The mean of {@link #share()} over e-mails whose attribution is not zero everywhere (0 when there are none). */
    public static double meanShare(List<HeaderShare> shares) {
        return shares.stream().filter(s -> s.headerMass + s.bodyMass > 0).mapToDouble(HeaderShare::share).average()
                .orElse(0);
    }
}
