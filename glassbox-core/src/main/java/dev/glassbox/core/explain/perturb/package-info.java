/**
 * Perturbation attributions for any {@link dev.glassbox.core.model.Model}, without a native engine: occlusion, feature
 * ablation, LIME, Kernel SHAP, Shapley values (exact and sampled), sufficient input subsets and prediction difference
 * analysis.
 *
 * <p>Structure: a {@link dev.glassbox.core.explain.perturb.Game} is one input's features as players, its value the
 * explained output with only a coalition of features present. A {@link
 * dev.glassbox.core.explain.perturb.CoalitionMethod} ({@link dev.glassbox.core.explain.perturb.FeatureAblation}, {@link
 * dev.glassbox.core.explain.perturb.Lime}, {@link dev.glassbox.core.explain.perturb.KernelShap}, {@link
 * dev.glassbox.core.explain.perturb.ShapleyExact}, {@link dev.glassbox.core.explain.perturb.ShapleySampling}, {@link
 * dev.glassbox.core.explain.perturb.Sis}) attributes a game; {@link
 * dev.glassbox.core.explain.perturb.PerturbationExplainer} builds the game for a tensor model from a feature grouping
 * and a {@link dev.glassbox.core.explain.perturb.Baseline}. {@link dev.glassbox.core.explain.perturb.Occlusion} and
 * {@link dev.glassbox.core.explain.perturb.LimeTabular} are explainers of their own, and so is {@link
 * dev.glassbox.core.explain.perturb.PredictionDifference}, whose removed windows are sampled from training images
 * (marginally, or from a Gaussian conditioned on the surround) rather than replaced by a baseline.
 *
 * <p>Shared mechanics live once: every model evaluation goes through {@link
 * dev.glassbox.core.explain.perturb.Evaluator} (chunks under a memory budget, threads, progress — see {@link
 * dev.glassbox.core.explain.perturb.Execution}); LIME and Kernel SHAP fit with the one {@link
 * dev.glassbox.core.explain.perturb.WeightedRidge} solver. Random methods draw everything from their seed before
 * evaluating, so results do not depend on the thread count.
 */
package dev.glassbox.core.explain.perturb;
