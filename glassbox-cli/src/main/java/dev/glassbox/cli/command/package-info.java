/** The subcommands of {@code glassbox} (predict, explain, uncertainty, train, inspect, ...) and what they share. */
package dev.glassbox.cli.command;
