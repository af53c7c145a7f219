/**
 * Models that explain themselves and readable stand-ins for models that do not: the prototype layer and the votes of
 * a prototype network ({@link dev.glassbox.djl.interpretable.PrototypeExplainer}), a vision transformer's blocks with
 * their attention maps and attention rollout, Grad-CAM on its tokens, explanation by nearest training examples in a
 * layer's feature space, and global surrogates (a decision tree and a sparse linear model) with their fidelity.
 */
package dev.glassbox.djl.interpretable;
