/**
 * Architectures and training recipes of the models glassbox bundles or trains (the demo CNN, deep ensembles of it, a
 * Bayesian CNN, a convolutional autoencoder, the text CNN of the spam filter, a small CNN), the one training loop they
 * share, the remove-and-retrain benchmark of attribution methods (ROAR), and the folder formats they are saved in (a
 * model folder with {@code model.json}, an ensemble folder with {@code ensemble.json}).
 */
package dev.glassbox.djl.zoo;
