/**
 * Rendering results for people: a self-contained HTML report with embedded pictures, HTML escaping, and PNG charts
 * drawn with java.awt (reliability diagrams and confidence histograms, with a ready-made calibration section).
 */
package dev.glassbox.core.render;
