package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Products {@code (∇²R(θ̂) + δI)⁻¹ v} with the damped Hessian of a training risk at its minimiser, the step every
 * influence function takes. Three ways (Koh &amp; Liang 2017, §3): {@link #exact} assembles the Hessian from one
 * Hessian–vector product per parameter and factors it (for few parameters: a last layer); {@link #conjugateGradient}
 * solves each system from products alone; {@link #lissa} estimates it stochastically by the truncated Neumann series
 * of Agarwal et al. The damping δ ≥ 0 makes a non-convex model's Hessian positive definite.
 */
@FunctionalInterface
public interface InverseHessian {

    /** {@code (∇²R + δI)⁻¹ v}. */
    double[] solve(double[] v);

    /** {@link #solve} of each of {@code vs}, one row each; LiSSA shares its mini-batches' work among them. */
    default double[][] solveAll(double[][] vs) {
        double[][] out = new double[vs.length][];
        for (int k = 0; k < vs.length; k++) {
            out[k] = solve(vs[k]);
        }
        return out;
    }

    /**
     * The damped Hessian built column by column from Hessian–vector products, symmetrised and Cholesky-factored.
     *
     * @throws InvalidInputException when it is not positive definite (a non-convex model: raise the damping)
     */
    static InverseHessian exact(RegularisedRisk risk, double[] theta, double damping, Progress progress) {
        int p = theta.length;
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        double[] unit = new double[p];
        for (int j = 0; j < p; j++) {
            unit[j] = 1;
            double[] column = risk.hessianTimes(theta, unit);
            unit[j] = 0;
            for (int i = 0; i < p; i++) {
                h.add(i, j, column[i] / 2);
                h.add(j, i, column[i] / 2);
            }
            progress.update("Hessian", j + 1, p);
        }
        for (int i = 0; i < p; i++) {
            h.add(i, i, damping);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(p, true);
        if (!cholesky.decompose(h)) {
            throw new InvalidInputException("the damped Hessian (damping " + damping + ") is not positive definite: "
                    + "the model is not at a minimum of its regularised risk or not convex there; raise the damping");
        }
        DMatrixRMaj lower = cholesky.getT(null);
        return v -> {
            double[] x = v.clone();
            TriangularSolver_DDRM.solveL(lower.data, x, p);
            TriangularSolver_DDRM.solveTranL(lower.data, x, p);
            return x;
        };
    }

    /**
     * Conjugate gradients on {@code (∇²R + δI) x = v} to a relative residual of {@code tolerance}.
     *
     * @throws IllegalStateException on negative curvature (raise the damping)
     */
    static InverseHessian conjugateGradient(RegularisedRisk risk, double[] theta, double damping, double tolerance,
            int maxIterations) {
        return v -> {
            ConjugateGradient.Solution s = ConjugateGradient.solve(u -> damped(risk, theta, damping, u), v, tolerance,
                    maxIterations);
            if (s.negativeCurvature()) {
                throw new IllegalStateException("conjugate gradients met negative curvature: the damped Hessian (damping "
                        + damping + ") is not positive definite; raise the damping");
            }
            return s.x();
        };
    }

    /**
     * LiSSA: {@code h ← v + (I − (H̃ + δI)/s) h} for {@code depth} steps, each {@code H̃} the Hessian of the risk over a
     * mini-batch of {@code batch} training examples drawn with the seed, averaged over {@code repeats} runs and divided
     * by the scale {@code s} (which must exceed the damped Hessian's largest eigenvalue for the series to converge).
     * Every solve draws the same mini-batches (the seed starts each afresh), so the series is one fixed linear map, and
     * {@link #solveAll} runs the vectors through it together, each mini-batch's per-example work shared among them.
     */
    static InverseHessian lissa(RegularisedRisk risk, double[] theta, double damping, double scale, int depth,
            int batch, int repeats, long seed) {
        if (!(scale > 0) || depth < 1 || batch < 1 || repeats < 1) {
            throw new InvalidInputException("LiSSA needs a positive scale, depth, batch and number of repeats; got "
                    + scale + ", " + depth + ", " + batch + ", " + repeats);
        }
        int n = risk.count();
        return new InverseHessian() {
            @Override
            public double[] solve(double[] v) {
                return solveAll(new double[][] {v})[0];
            }

            @Override
            public double[][] solveAll(double[][] vs) {
                SplittableRandom random = new SplittableRandom(seed);
                double[][] sum = new double[vs.length][vs.length == 0 ? 0 : vs[0].length];
                for (int r = 0; r < repeats; r++) {
                    double[][] h = new double[vs.length][];
                    for (int k = 0; k < vs.length; k++) {
                        h[k] = vs[k].clone();
                    }
                    for (int step = 0; step < depth; step++) {
                        double[] weights = new double[n];
                        for (int b = 0; b < batch; b++) {
                            weights[random.nextInt(n)] += (double) n / batch;
                        }
                        double[][] hh = risk.reweighted(weights).hessianTimes(theta, h);
                        for (int k = 0; k < vs.length; k++) {
                            for (int i = 0; i < h[k].length; i++) {
                                h[k][i] = vs[k][i] + h[k][i] - (hh[k][i] + damping * h[k][i]) / scale;
                            }
                        }
                    }
                    for (int k = 0; k < vs.length; k++) {
                        for (int i = 0; i < h[k].length; i++) {
                            sum[k][i] += h[k][i] / (scale * repeats);
                        }
                    }
                }
                return sum;
            }
        };
    }

    private static double[] damped(RegularisedRisk risk, double[] theta, double damping, double[] v) {
        double[] out = risk.hessianTimes(theta, v);
        for (int i = 0; i < out.length; i++) {
            out[i] += damping * v[i];
        }
        return out;
    }
}
