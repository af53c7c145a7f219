/** Writing results: folders and files that appear only when complete. */
package dev.glassbox.core.output;
