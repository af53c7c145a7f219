package dev.glassbox.core.render;

import dev.glassbox.core.explain.text.Token;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML report: sections of paragraphs, tables, pictures and highlighted texts, with every picture
 * embedded (base64 PNG or inline SVG), no scripts and no network access needed to read it. All text is escaped.
 */
public final class HtmlReport {
    /** The pixel width of glassbox's charts (reliability diagrams, histograms, line charts), for figures of them. */
    public static final int CHART_WIDTH = ChartCanvas.WIDTH;

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;padding:0 1rem}
            h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
            .subtitle{color:#57606a;margin-top:0}table{border-collapse:collapse;margin:.8rem 0}
            th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:middle}th{background:#f6f8fa}
            td.num{text-align:right;font-variant-numeric:tabular-nums}tr.wrong td{background:#fff1f0}
            img.pixelated{image-rendering:pixelated}.figure{display:inline-block;margin:.4rem;text-align:center;font-size:.85rem}
            .stat{display:inline-block;margin:0 1.5rem .8rem 0}.scroll{overflow-x:auto}td img{max-width:100%;height:auto}.stat b{display:block;font-size:1.4rem}
            h3{font-size:1.1rem;margin-top:1.5rem}.caption{font-weight:600;margin:.8rem 0 .3rem}
            .tokens{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:.8rem;line-height:1.6;max-height:24rem;overflow-y:auto;border:1px solid #d0d7de;padding:.5rem}
            .legend span{display:inline-block;padding:0 .5rem;margin:0 .2rem .3rem 0;font-size:.8rem}
            """;

    private final String title;
    private final String subtitle;
    private final List<String> body = new ArrayList<>();

    /** A report with a title and a one-line subtitle. */
    public HtmlReport(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** A table cell: text, a number, or a picture. */
    public sealed interface Cell {
        /** The cell's HTML. */
        String html();
    }

    /** Escaped text. */
    public record Text(String text) implements Cell {
        @Override
        public String html() {
            return "<td>" + Html.escape(text) + "</td>";
        }
    }

    /** A right-aligned number, already formatted. */
    public record Number(String formatted) implements Cell {
        @Override
        public String html() {
            return "<td class=\"num\">" + Html.escape(formatted) + "</td>";
        }
    }

    /** An embedded PNG shown at a given width in CSS pixels. */
    public record Picture(byte[] png, String alt, int width) implements Cell {
        @Override
        public String html() {
            return "<td>" + image(png, alt, width) + "</td>";
        }
    }

    /** A table row, flagged to stand out when {@code highlighted}. */
    public record Row(List<Cell> cells, boolean highlighted) {
    }

    /** Starts a new section. */
    public HtmlReport section(String heading) {
        body.add("<h2>" + Html.escape(heading) + "</h2>");
        return this;
    }

    /** A heading inside the current section. */
    public HtmlReport subsection(String heading) {
        body.add("<h3>" + Html.escape(heading) + "</h3>");
        return this;
    }

    /** A captioned text with each token coloured by its value ({@link HighlightedText}). */
    public HtmlReport highlightedText(String caption, String text, List<Token> tokens, float[] values) {
        body.add("<p class=\"caption\">" + Html.escape(caption) + "</p>" + HighlightedText.html(text, tokens, values));
        return this;
    }

    /** A paragraph of text. */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + Html.escape(text) + "</p>");
        return this;
    }

    /** A row of headline numbers, each with a label. */
    public HtmlReport stats(List<String[]> labelledValues) {
        StringBuilder html = new StringBuilder("<div>");
        for (String[] pair : labelledValues) {
            html.append("<span class=\"stat\"><b>").append(Html.escape(pair[1])).append("</b>")
                    .append(Html.escape(pair[0])).append("</span>");
        }
        body.add(html.append("</div>").toString());
        return this;
    }

    /** A table with a header row. */
    public HtmlReport table(List<String> headers, List<Row> rows) {
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table><thead><tr>");
        for (String h : headers) {
            html.append("<th>").append(Html.escape(h)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Row row : rows) {
            html.append(row.highlighted() ? "<tr class=\"wrong\">" : "<tr>");
            for (Cell cell : row.cells()) {
                html.append(cell.html());
            }
            html.append("</tr>");
        }
        body.add(html.append("</tbody></table></div>").toString());
        return this;
    }

    /** A captioned picture, {@code width} CSS pixels wide (0: its own width). */
    public HtmlReport figure(byte[] png, String caption, int width) {
        body.add("<div class=\"figure\">" + image(png, caption, width) + "<br>" + Html.escape(caption) + "</div>");
        return this;
    }

    /** The whole page. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + Html.escape(title)
                + "</h1><p class=\"subtitle\">" + Html.escape(subtitle) + "</p>\n" + String.join("\n", body)
                + "\n</body></html>\n";
    }

    /** An embedded PNG {@code width} CSS pixels wide, or at its own size when {@code width} is not positive. */
    private static String image(byte[] png, String alt, int width) {
        return "<img class=\"pixelated\"" + (width > 0 ? " width=\"" + width + "\"" : "") + " alt=\"" + Html.escape(alt)
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }
}
