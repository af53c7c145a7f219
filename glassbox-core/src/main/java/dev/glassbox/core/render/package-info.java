/** Rendering results for people: a self-contained HTML report with embedded pictures, and HTML escaping. */
package dev.glassbox.core.render;
