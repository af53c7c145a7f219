package dev.glassbox.cli.report;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.text.MailHeader;
import dev.glassbox.core.explain.text.Token;
import dev.glassbox.core.explain.text.TokenGrouping;
import dev.glassbox.core.render.HtmlReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One explained text in a report: a heading with the explained class and its probability, the text highlighted by
 * each method's attribution, and a table of each method's strongest tokens by |attribution| (tokens of an e-mail's
 * header marked as such).
 */
public final class TextSection {
    private TextSection() {
    }

    /**
     * Adds the text named {@code name}, explained as {@code explained} (with {@code probability}) by {@code
     * attributions} — one per method, each over the text's tokens — with the {@code topTokens} strongest tokens of
     * each.
     */
    public static void addTo(HtmlReport report, String name, String explained, double probability,
            List<Attribution> attributions, int topTokens) {
        report.subsection(String.format(Locale.ROOT, "%s: %s (probability %.3f)", name, explained, probability));
        List<List<HtmlReport.Cell>> columns = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("#"));
        for (Attribution a : attributions) {
            TokenGrouping tokens = tokensOf(a);
            float[] values = a.inputValues();
            report.highlightedText(a.method() + " attribution to " + explained, tokens.text(), tokens.tokens(), values);
            columns.add(strongest(tokens, values, topTokens));
            headers.add(a.method());
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (int r = 0; r < topTokens; r++) {
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Number(Integer.toString(r + 1))));
            for (List<HtmlReport.Cell> column : columns) {
                cells.add(r < column.size() ? column.get(r) : new HtmlReport.Text(""));
            }
            rows.add(new HtmlReport.Row(cells, false));
        }
        report.paragraph("Strongest tokens of each method, by |attribution| (value in brackets).");
        report.table(headers, rows);
    }

    private static TokenGrouping tokensOf(Attribution a) {
        if (a.grouping() instanceof TokenGrouping tokens) {
            return tokens;
        }
        throw new IllegalArgumentException(a.method() + " attributes to " + a.grouping() + ", not to the tokens of a text");
    }

    private static List<HtmlReport.Cell> strongest(TokenGrouping tokens, float[] values, int count) {
        int bodyStart = MailHeader.bodyStart(tokens.text());
        return IntStream.range(0, values.length).boxed().filter(t -> values[t] != 0)
                .sorted(Comparator.comparingDouble((Integer t) -> -Math.abs(values[t])).thenComparingInt(t -> t))
                .limit(count).map(t -> {
                    Token token = tokens.tokens().get(t);
                    String where = token.start() < bodyStart ? " (header)" : "";
                    return (HtmlReport.Cell) new HtmlReport.Text(String.format(Locale.ROOT, "%s%s [%+.3g]", token.text(),
                            where, values[t]));
                }).toList();
    }
}
