/**
 * Explanations of text models, one value per token. The contract: a {@link
 * dev.glassbox.core.explain.text.TextModel} (strings to scores, optionally saying what it reads of a text) and a {@link
 * dev.glassbox.core.explain.text.TextExplainer}. Texts become {@link dev.glassbox.core.explain.text.Token tokens} with
 * character offsets ({@link dev.glassbox.core.explain.text.Tokenizer}), features ({@link
 * dev.glassbox.core.explain.text.TokenGrouping}: positions or distinct words) and, for networks, rows of token ids
 * ({@link dev.glassbox.core.explain.text.TextEncoder} with a {@link dev.glassbox.core.explain.text.Vocabulary}, reading
 * a whole text or only an e-mail's body, {@link dev.glassbox.core.explain.text.MailHeader}). {@link
 * dev.glassbox.core.explain.text.TextPerturbationExplainer} runs any perturbation method over the tokens, masking them
 * by dropping or replacing ({@link dev.glassbox.core.explain.text.TextMasking}); {@link
 * dev.glassbox.core.explain.text.HeaderShare} measures how much of an attribution falls on an e-mail's header.
 */
package dev.glassbox.core.explain.text;
