/**
 * Does an explanation describe what the model computes? Model-agnostic checks over any
 * {@link dev.glassbox.core.model.Model}: deletion and insertion curves with their areas (Petsiuk et al. 2018),
 * infidelity (Yeh et al. 2019) and max-sensitivity (Yeh et al. 2019). Perturbed inputs go through the model in
 * chunks; every random draw comes from a seed.
 */
package dev.glassbox.core.faithfulness;
