package dev.glassbox.core.render;

import dev.glassbox.core.explain.text.Token;
import java.util.List;
import java.util.Locale;

/**
 * A text drawn as HTML with each token's background coloured by its attribution — red for the explained class, blue
 * against it, white for nothing — scaled as heatmaps are (colours saturate at the value below which 98% of the total
 * |attribution| lies), with a legend. Every character of the text is escaped; spaces and line breaks are kept.
 */
public final class HighlightedText {
    private HighlightedText() {
    }

    /**
     * The HTML of {@code text} with {@code tokens} (in order, not overlapping) coloured by {@code values}, one value
     * per token.
     */
    public static String html(String text, List<Token> tokens, float[] values) {
        if (values.length != tokens.size()) {
            throw new IllegalArgumentException(values.length + " values for " + tokens.size() + " tokens");
        }
        double scale = Heatmap.cumulativeThreshold(values, Heatmap.Sign.SIGNED, Heatmap.DEFAULT_OUTLIER_PERCENT);
        StringBuilder out = new StringBuilder(text.length() * 2 + 256).append(legend(scale)).append("<div class=\"tokens\">");
        int at = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.start() < at || token.end() > text.length()
                    || !text.regionMatches(token.start(), token.text(), 0, token.text().length())) {
                throw new IllegalArgumentException("token " + t + " '" + token.text() + "' at " + token.start()
                        + " does not follow the previous token in the text");
            }
            out.append(Html.escape(text.substring(at, token.start())));
            if (values[t] == 0) {
                out.append(Html.escape(token.text()));
            } else {
                out.append("<span style=\"background:").append(css(values[t] / scale)).append("\" title=\"")
                        .append(String.format(Locale.ROOT, "%.4g", values[t])).append("\">")
                        .append(Html.escape(token.text())).append("</span>");
            }
            at = token.end();
        }
        return out.append(Html.escape(text.substring(at))).append("</div>").toString();
    }

    private static String legend(double scale) {
        String value = String.format(Locale.ROOT, "%.3g", scale);
        return "<div class=\"legend\"><span style=\"background:" + css(-1) + ";color:#fff\">&minus;" + value
                + " against</span><span style=\"background:" + css(0) + "\">0</span><span style=\"background:"
                + css(1) + ";color:#fff\">+" + value + " for the explained class</span></div>";
    }

    private static String css(double scaled) {
        int[] rgb = Heatmap.diverging(Math.max(-1, Math.min(1, scaled)));
        return "rgb(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + ")";
    }
}
