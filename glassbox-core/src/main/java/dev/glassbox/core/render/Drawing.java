package dev.glassbox.core.render;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The few drawing operations a chart needs, in pixel coordinates from the top-left corner, so that one chart can be
 * drawn as a PNG ({@link PngDrawing}) or as SVG text ({@link SvgDrawing}) alike.
 */
interface Drawing {

    /** A rectangle, filled with {@code fill} and outlined with {@code stroke}; either may be null for none. */
    void rect(double x, double y, double width, double height, Color fill, Color stroke);

    /** A filled disc. */
    void disc(double x, double y, double radius, Color fill);

    /** Text with its baseline starting at {@code (x, y)}. */
    void text(double x, double y, String text, int size, boolean bold, Color color);

    /** How wide {@code text} is drawn at {@code size}. */
    double textWidth(String text, int size, boolean bold);

    /** A picture scaled to the given box, without smoothing so that small images stay sharp. */
    void image(double x, double y, double width, double height, BufferedImage image);
}
