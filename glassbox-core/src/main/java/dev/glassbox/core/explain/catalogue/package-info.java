/**
 * The catalogue of explanation methods: every method by the name the command line and the JSON use, with what it
 * needs (gradients, a layer, a background) and one way to build it from a model and {@link
 * dev.glassbox.core.explain.catalogue.MethodSettings}. glassbox-core registers the perturbation methods; other modules
 * (glassbox-djl: the gradient and rule methods) register theirs through {@link java.util.ServiceLoader}.
 */
package dev.glassbox.core.explain.catalogue;
