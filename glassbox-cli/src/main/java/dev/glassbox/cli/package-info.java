/**
 * The {@code glassbox} command line: the top command ({@link dev.glassbox.cli.GlassboxCommand}), its version and
 * progress bars. The subcommands are in {@link dev.glassbox.cli.command}, their shared option groups in
 * {@link dev.glassbox.cli.option}, the demo in {@link dev.glassbox.cli.demo} and every report section in
 * {@link dev.glassbox.cli.report}.
 */
package dev.glassbox.cli;
