/**
 * Text models on the engine: a {@link dev.glassbox.djl.text.TextClassifier} (an encoder from texts to token ids and a
 * DJL network that starts with a {@link dev.glassbox.djl.text.PaddedEmbedding}), gradient methods on its embeddings
 * ({@link dev.glassbox.djl.text.EmbeddingAttribution}: Integrated Gradients and Gradient × Input, one value per token),
 * and every text method by name ({@link dev.glassbox.djl.text.TextMethods}).
 */
package dev.glassbox.djl.text;
