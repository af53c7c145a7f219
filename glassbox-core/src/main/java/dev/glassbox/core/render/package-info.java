/**
 * Rendering results for people: a self-contained HTML report with embedded pictures, HTML escaping, heatmaps over
 * inputs, PNG and SVG charts drawn with java.awt (reliability diagrams, confidence histograms, line, scatter, bar,
 * beeswarm and dependence plots), and texts with each token coloured by its attribution. The report sections built
 * from them are in the command line's report package.
 */
package dev.glassbox.core.render;
