/**
 * Reading model input from files: images ({@link dev.glassbox.core.input.ImageReader}), NumPy arrays
 * ({@link dev.glassbox.core.input.NpyReader}), CSV tables ({@link dev.glassbox.core.input.CsvReader}) and IDX data
 * sets such as Fashion-MNIST ({@link dev.glassbox.core.input.IdxReader}), with one entry point choosing by extension
 * ({@link dev.glassbox.core.input.InputFiles}). Every reader reports unusable input as an
 * {@link dev.glassbox.core.InvalidInputException} with a one-line message naming the file and what was expected.
 */
package dev.glassbox.core.input;
