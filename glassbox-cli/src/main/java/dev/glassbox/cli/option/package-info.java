/** Option groups that several commands take (model, inputs, explanation settings, training), as picocli mixins. */
package dev.glassbox.cli.option;
