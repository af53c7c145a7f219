/** {@code glassbox demo}: one report of every family on the bundled models and results; it shows, it does not train. */
package dev.glassbox.cli.demo;
