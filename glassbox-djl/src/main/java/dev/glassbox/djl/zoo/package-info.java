/** Architectures and training recipes of the models glassbox bundles, and the folder format they are saved in. */
package dev.glassbox.djl.zoo;
