package dev.glassbox.djl.robust.explanation;

import ai.djl.ndarray.NDArray;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.djl.backprop.Scalars;

/**
 * What an attack on an explanation lowers, built for each input from its original map m₀ and output probabilities
 * p₀. Maps are absolute attributions |a| (the magnitudes the top-k regions of Ghorbani et al. are read from).
 */
public sealed interface MapGoal {

    /** The loss the attack lowers for one input, from a candidate's map and output probabilities. */
    interface Objective {
        /** The loss at a candidate whose absolute map is {@code map} and whose output probabilities are {@code p}. */
        double loss(float[] map, double[] p);

        /**
         * The same loss on engine arrays — the absolute map flattened to one dimension, the probabilities
         * ({@code null} when the goal does not read them) — as a scalar that keeps their autograd graph.
         */
        NDArray loss(NDArray map, NDArray p);
    }

    /** The objective for an input whose original absolute map is {@code map} and probabilities {@code p}. */
    Objective objective(float[] map, double[] p);

    /** Whether the objective reads the output probabilities (else the attack runs no forward pass for them). */
    boolean readsOutputs();

    /** The number of features k = max(1, round(share · n)) of a top-k region over n features. */
    static int topK(double share, int features) {
        return (int) Math.max(1, Math.min(features, Math.round(share * features)));
    }

    /** Ghorbani et al.'s top-k attack: lower Σ_{i ∈ B} m_i / Σ_i m_i, B the original map's top-k features. */
    static MapGoal topKShare(double share) {
        return new TopKShare(share);
    }

    /**
     * Dombrowski et al.'s targeted attack: lower ‖h − h_t‖² / ‖h₀ − h_t‖² + γ ‖p − p₀‖², h = m / Σ m the normalised
     * map, h_t the normalised absolute target map, p the output probabilities (the second term keeps the output close).
     */
    static MapGoal towards(float[] target, double outputWeight) {
        return new TowardsMap(target.clone(), outputWeight);
    }

    /** The top-k attack; {@code share} of the features (k = share · n) make the region. */
    record TopKShare(double share) implements MapGoal {
        public TopKShare {
            if (!(share > 0 && share <= 1)) {
                throw new InvalidInputException("the top-k share must lie in (0, 1], got " + share);
            }
        }

        @Override
        public Objective objective(float[] map, double[] p) {
            int[] region = Vectors.topK(Vectors.toDouble(map), topK(share, map.length));
            float[] mask = new float[map.length];
            for (int i : region) {
                mask[i] = 1;
            }
            return new Objective() {
                @Override
                public double loss(float[] candidate, double[] probabilities) {
                    double inside = 0;
                    for (int i : region) {
                        inside += candidate[i];
                    }
                    double total = sum(candidate);
                    return total > 0 ? inside / total : 1;
                }

                @Override
                public NDArray loss(NDArray candidate, NDArray probabilities) {
                    NDArray inRegion = Scalars.owned(candidate.getManager().create(mask));
                    return candidate.mul(inRegion).sum().div(total(candidate));
                }
            };
        }

        @Override
        public boolean readsOutputs() {
            return false;
        }
    }

    /** The targeted attack towards a map shaped like the input, with weight γ on the output term. */
    record TowardsMap(float[] target, double outputWeight) implements MapGoal {
        public TowardsMap {
            if (!(outputWeight >= 0) || Double.isInfinite(outputWeight)) {
                throw new InvalidInputException("the output weight γ must be a finite number ≥ 0, got " + outputWeight);
            }
            for (float v : target) {
                if (!Float.isFinite(v)) {
                    throw new InvalidInputException("the target map holds " + v + ": it must be finite");
                }
            }
            if (sum(ExplanationAttack.absolute(target)) == 0) {
                throw new InvalidInputException("the target map is all zeros: it must single out some features");
            }
        }

        @Override
        public Objective objective(float[] map, double[] p) {
            if (map.length != target.length) {
                throw new InvalidInputException("the target map has " + target.length + " values, the input "
                        + map.length);
            }
            float[] goal = normalised(ExplanationAttack.absolute(target));
            double start = Math.max(squaredDistance(normalised(map), goal), 1e-12);
            double[] p0 = p.clone();
            float[] start0 = new float[p0.length];
            for (int k = 0; k < p0.length; k++) {
                start0[k] = (float) p0[k];
            }
            return new Objective() {
                @Override
                public double loss(float[] candidate, double[] probabilities) {
                    double outputs = 0;
                    for (int k = 0; k < p0.length && outputWeight > 0; k++) {
                        outputs += (probabilities[k] - p0[k]) * (probabilities[k] - p0[k]);
                    }
                    return squaredDistance(normalised(candidate), goal) / start + outputWeight * outputs;
                }

                @Override
                public NDArray loss(NDArray candidate, NDArray probabilities) {
                    var manager = candidate.getManager();
                    NDArray h = candidate.div(total(candidate));
                    NDArray towards = h.sub(Scalars.owned(manager.create(goal))).square().sum()
                            .div(Scalars.like(candidate, start));
                    if (outputWeight == 0) {
                        return towards;
                    }
                    NDArray moved = probabilities.sub(Scalars.owned(manager.create(start0))).square().sum();
                    return towards.add(moved.mul(Scalars.like(moved, outputWeight)));
                }
            };
        }

        @Override
        public boolean readsOutputs() {
            return outputWeight > 0;
        }
    }

    /** A map's total on the engine, kept above zero so that an all-zero map gives a finite loss. */
    private static NDArray total(NDArray map) {
        return map.sum().add(Scalars.like(map, 1e-30));
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    /** m / Σ m (all zeros for an all-zero map). */
    private static float[] normalised(float[] map) {
        double total = sum(map);
        float[] out = new float[map.length];
        for (int i = 0; i < out.length && total > 0; i++) {
            out[i] = (float) (map[i] / total);
        }
        return out;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double out = 0;
        for (int i = 0; i < a.length; i++) {
            out += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        return out;
    }
}
