package dev.glassbox.core.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A {@link Drawing} onto an RGB image with java.awt (no display needed), encoded as PNG. */
final class PngDrawing implements Drawing {
    private final BufferedImage canvas;
    private final Graphics2D g;

    /** A white image of the given size. */
    PngDrawing(int width, int height) {
        canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        Rectangle2D box = new Rectangle2D.Double(x, y, width, height);
        if (fill != null) {
            g.setColor(fill);
            g.fill(box);
        }
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1));
            g.draw(box);
        }
    }

    @Override
    public void disc(double x, double y, double radius, Color fill) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, Color color) {
        g.setColor(color);
        g.setFont(font(size, bold));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public double textWidth(String text, int size, boolean bold) {
        return g.getFontMetrics(font(size, bold)).stringWidth(text);
    }

    @Override
    public void image(double x, double y, double width, double height, BufferedImage image) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, (int) Math.round(x), (int) Math.round(y), (int) Math.round(width),
                (int) Math.round(height), null);
    }

    private static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** The image drawn so far, as PNG bytes. */
    byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(canvas, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
