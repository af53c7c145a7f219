package dev.glassbox.core.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A {@link Drawing} written as SVG text: every piece of text is escaped, pictures are embedded as base64 PNG, and
 * numbers are written with a dot whatever the locale. Text widths are measured with the same font metrics as
 * {@link PngDrawing}, so that both come out alike.
 */
final class SvgDrawing implements Drawing {
    private final StringBuilder svg = new StringBuilder();
    private final PngDrawing metrics = new PngDrawing(1, 1);

    /** A white drawing of the given size. */
    SvgDrawing(int width, int height) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\">\n");
        rect(0, 0, width, height, Color.WHITE, null);
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height)).append("\" fill=\"")
                .append(fill == null ? "none" : hex(fill)).append('"');
        if (stroke != null) {
            svg.append(" stroke=\"").append(hex(stroke)).append('"');
        }
        svg.append("/>\n");
    }

    @Override
    public void disc(double x, double y, double radius, Color fill) {
        svg.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y)).append("\" r=\"")
                .append(number(radius)).append("\" fill=\"").append(hex(fill)).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, Color color) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(size).append('"').append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"")
                .append(hex(color)).append("\">").append(Html.escape(text)).append("</text>\n");
    }

    @Override
    public double textWidth(String text, int size, boolean bold) {
        return metrics.textWidth(text, size, bold);
    }

    @Override
    public void image(double x, double y, double width, double height, BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        svg.append("<image x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height))
                .append("\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    /** The finished SVG document. */
    String svg() {
        return svg + "</svg>\n";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
