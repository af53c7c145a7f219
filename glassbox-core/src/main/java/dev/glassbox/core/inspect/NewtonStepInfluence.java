package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Influence functions with each removed example's own curvature taken out of the Hessian: one Newton step on the risk
 * without {@code z} from its full minimiser θ̂ (Pregibon 1981 for logistic regression; the approximate leave-one-out
 * of Rad &amp; Maleki 2020). Removing {@code z} moves the parameters by about
 * {@code Δθ = (1/n) (H − (1/n)∇²L(z))⁻¹ ∇L(z)}, {@code H} the damped Hessian of the full risk, where
 * {@link InfluenceFunctions} take {@code (1/n) H⁻¹ ∇L(z)}. The two agree when {@code z} is a small part of the curvature;
 * where it is not — few examples per parameter, a weak L2, an example the model fits only by bending to it — the first
 * order underestimates the change (like a leverage {@code h} in linear regression, whose exact leave-one-out change is
 * the first-order one divided by {@code 1 − h}), and this step does not. With {@code ∇²L(z) = V Vᵀ} of rank {@code r}
 * ({@link FactoredExampleLosses}), the Woodbury identity gives
 * {@code (H − VVᵀ/n)⁻¹ = H⁻¹ + H⁻¹V (nI − VᵀH⁻¹V)⁻¹ VᵀH⁻¹}: {@code r + 1} solves with {@code H} per training example.
 * The predicted change of a test loss is {@code ∇L(z_test)ᵀ Δθ}; self-influence {@code ∇L(z)ᵀ (H − VVᵀ/n)⁻¹ ∇L(z)}.
 */
public final class NewtonStepInfluence {
    private final RegularisedRisk risk;
    private final FactoredExampleLosses losses;
    private final double[] theta;
    private final InverseHessian inverse;

    /**
     * The Newton step of {@code risk} at its minimiser {@code theta}, solving with the damped Hessian by
     * {@code inverse}.
     *
     * @throws InvalidInputException when the risk's losses have no factored per-example Hessian
     */
    public NewtonStepInfluence(RegularisedRisk risk, double[] theta, InverseHessian inverse) {
        if (!(risk.losses() instanceof FactoredExampleLosses factored)) {
            throw new InvalidInputException("the Newton step needs each training example's Hessian in closed form, "
                    + "which " + risk.losses().getClass().getSimpleName() + " does not give: use the surrogate head");
        }
        this.risk = risk;
        this.losses = factored;
        this.theta = theta.clone();
        this.inverse = inverse;
    }

    /**
     * What the step predicts.
     *
     * @param removalEffects row {@code t}, column {@code i}: the predicted change of test example
     *     {@code testExamples[t]}'s loss when training example {@code i} is removed
     * @param selfInfluence entry {@code i}: {@code ∇L(z_i)ᵀ (H − ∇²L(z_i)/n)⁻¹ ∇L(z_i)}
     */
    public record Effects(double[][] removalEffects, double[] selfInfluence) {
    }

    /** The predicted removal effects on the listed test examples, and every training example's self-influence. */
    public Effects effects(ExampleLosses test, int[] testExamples, Progress progress) {
        double[][] testGradients = test.gradients(theta, testExamples);
        double[][] solvedTest = new double[testExamples.length][];
        for (int t = 0; t < testExamples.length; t++) {
            solvedTest[t] = inverse.solve(testGradients[t]);
        }
        int n = risk.count();
        double[][] train = losses.gradients(theta, losses.all());
        double[][] out = new double[testExamples.length][n];
        double[] self = new double[n];
        for (int i = 0; i < n; i++) {
            double[] g = train[i];
            double[][] v = losses.hessianFactor(theta, i);
            int r = v.length;
            // m = nI − VᵀH⁻¹V, and the projections of H⁻¹g and of each H⁻¹g_test onto V
            DMatrixRMaj m = new DMatrixRMaj(r, r);
            double[][] solvedV = new double[r][];
            for (int k = 0; k < r; k++) {
                solvedV[k] = inverse.solve(v[k]);
            }
            for (int k = 0; k < r; k++) {
                for (int l = 0; l < r; l++) {
                    m.set(k, l, (k == l ? n : 0) - RegularisedRisk.dot(v[k], solvedV[l]));
                }
            }
            double[] solvedG = inverse.solve(g);
            DMatrixRMaj vg = projections(v, solvedG);
            DMatrixRMaj correction = new DMatrixRMaj(r, 1);
            if (!CommonOps_DDRM.solve(m, vg, correction)) {
                throw new InvalidInputException("training example " + i + " is the whole curvature of the risk in some "
                        + "direction: the risk without it has no minimum there; raise the L2 strength or the damping");
            }
            self[i] = RegularisedRisk.dot(g, solvedG) + dot(vg, correction);
            for (int t = 0; t < testExamples.length; t++) {
                out[t][i] = (RegularisedRisk.dot(g, solvedTest[t]) + dot(projections(v, solvedTest[t]), correction))
                        / n;
            }
            progress.update("Newton step", i + 1, n);
        }
        return new Effects(out, self);
    }

    /** {@code Vᵀ x}. */
    private static DMatrixRMaj projections(double[][] v, double[] x) {
        DMatrixRMaj out = new DMatrixRMaj(v.length, 1);
        for (int k = 0; k < v.length; k++) {
            out.set(k, 0, RegularisedRisk.dot(v[k], x));
        }
        return out;
    }

    private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            sum += a.get(k) * b.get(k);
        }
        return sum;
    }
}
