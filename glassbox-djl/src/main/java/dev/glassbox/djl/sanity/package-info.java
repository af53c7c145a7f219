/**
 * Sanity checks for explanations (Adebayo et al. 2018): model-parameter randomisation, cascading from the top layer
 * down or one layer at a time, on DJL and TorchScript models, with every attribution method recomputed after each step
 * and compared with its original map; the weights are put back afterwards.
 */
package dev.glassbox.djl.sanity;
