/**
 * Reading model input from files: images ({@link dev.glassbox.core.input.ImageReader}), NumPy arrays
 * ({@link dev.glassbox.core.input.NpyReader}), CSV tables ({@link dev.glassbox.core.input.CsvReader}), IDX data
 * sets such as Fashion-MNIST ({@link dev.glassbox.core.input.IdxReader}) and texts, plain or as labelled JSON-lines
 * corpora ({@link dev.glassbox.core.input.TextFiles}), with one entry point for tensors choosing by extension
 * ({@link dev.glassbox.core.input.InputFiles}). Every reader reports unusable input as an
 * {@link dev.glassbox.core.InvalidInputException} with a one-line message naming the file and what was expected.
 */
package dev.glassbox.core.input;
