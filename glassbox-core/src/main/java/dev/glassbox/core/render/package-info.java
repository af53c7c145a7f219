/**
 * Rendering results for people: a self-contained HTML report with embedded pictures, HTML escaping, PNG charts drawn
 * with java.awt (reliability diagrams and confidence histograms, with a ready-made calibration section), and texts
 * with each token coloured by its attribution (with a ready-made section per explained text).
 */
package dev.glassbox.core.render;
