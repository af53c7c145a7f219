/**
 * glassbox core: engine-free contracts ({@link dev.glassbox.core.model.Model}), input readers, outputs and the
 * numerical building blocks shared by every explainer. Nothing here needs a native deep-learning engine.
 */
package dev.glassbox.core;
