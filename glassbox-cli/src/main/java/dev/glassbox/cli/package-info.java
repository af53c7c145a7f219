/** The {@code glassbox} command line: predict, train, demo; progress bars and exit codes. */
package dev.glassbox.cli;
