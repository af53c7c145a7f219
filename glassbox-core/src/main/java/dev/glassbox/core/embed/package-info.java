/**
 * Embeddings that show what data looks like: PCA (exact and randomised), classical and SMACOF multidimensional
 * scaling, and stochastic neighbour embedding (SNE and t-SNE, with exact, Barnes–Hut and FFT-interpolated
 * gradients), plus measures of how well an embedding keeps neighbourhoods. Every method takes rows of
 * {@code float[][]} data (inputs, or features at a hidden layer), every random method a seed, and results do not
 * depend on the number of threads.
 */
package dev.glassbox.core.embed;
