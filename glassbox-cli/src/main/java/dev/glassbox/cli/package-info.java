/** The {@code glassbox} command line: predict, explain, uncertainty, train, demo; progress bars and exit codes. */
package dev.glassbox.cli;
