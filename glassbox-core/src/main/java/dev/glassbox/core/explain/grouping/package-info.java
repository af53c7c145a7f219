/**
 * Feature groupings: the features black-box explainers perturb and attribute to. {@link
 * dev.glassbox.core.explain.grouping.FeatureGrouping} is the one abstraction (elements, tabular columns, pixels,
 * user-given labels, sliding {@link dev.glassbox.core.explain.grouping.WindowGrouping windows}); {@link
 * dev.glassbox.core.explain.grouping.Segmenter segmenters} compute a grouping per input, such as {@link
 * dev.glassbox.core.explain.grouping.Slic SLIC} and {@link dev.glassbox.core.explain.grouping.Quickshift quickshift}
 * superpixels. Text tokens are groupings too ({@code dev.glassbox.core.explain.text}).
 */
package dev.glassbox.core.explain.grouping;
