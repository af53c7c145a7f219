/**
 * Perturbation explanations of text models: a minimal {@link dev.glassbox.core.explain.text.TextModel} (strings to
 * scores), {@link dev.glassbox.core.explain.text.Token tokens} with character offsets, {@link
 * dev.glassbox.core.explain.text.TokenGrouping token features} (positions or distinct words), {@link
 * dev.glassbox.core.explain.text.TextMasking masking} by dropping words or replacing them with a mask token, and the
 * {@link dev.glassbox.core.explain.text.TextExplainer} that runs any perturbation method over them.
 */
package dev.glassbox.core.explain.text;
