package dev.glassbox.core.explain.perturb;

import java.util.Map;

/**
 * A perturbation method that attributes a {@link Game}'s value to its players: feature ablation, LIME, Kernel SHAP,
 * Shapley values, SIS. Methods hold only their own settings (samples, seed, kernel); how features are grouped and
 * masked belongs to the game, built by {@link PerturbationExplainer} for tensors or by the text explainer for text.
 */
public interface CoalitionMethod {

    /** The method's name as on the command line ({@code ablation}, {@code lime}, {@code kernel-shap}, …). */
    String name();

    /** The method's settings, including any seed, as recorded in an attribution. */
    Map<String, Object> params();

    /** Attributes the game's value to its players. */
    Estimate attribute(Game game);
}
