package dev.glassbox.core.privacy;

import static dev.glassbox.core.math.Vectors.dot;

import dev.glassbox.core.privacy.ReluReconstruction.Answer;
import dev.glassbox.core.privacy.ReluReconstruction.Unit;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The output layer of a {@link ReluReconstruction}: with the hidden units' hyperplanes found, every logit is linear in
 * their activations, and the answers held (scores and gradients) give its weights by least squares — with a linear term
 * per class that absorbs each unit's unknown orientation, then, where the classes seen settle the orientations,
 * without it.
 */
final class ReluOutputLayer {
    /** The largest residual, relative to the answers' scale, of a fit that reproduces them. */
    private static final double EXACT = 1e-7;

    private ReluOutputLayer() {
    }

    /** Each class's fit with a linear term over the input, from every answer held. */
    static ClassFit[] linearFits(List<Unit> units, List<Answer> answers, int d, int outputs) {
        ClassFit[] fits = new ClassFit[outputs];
        for (int k = 0; k < outputs; k++) {
            fits[k] = fitClass(units, answers, k, d, true);
        }
        return fits;
    }

    /**
     * Whether the fits reproduce every answer: with a linear term, that means every unit was found and only the
     * orientations are unsettled (fewer equations than units: inputs × classes below the hidden width).
     */
    static boolean reproduceAnswers(ClassFit[] fits) {
        for (ClassFit fit : fits) {
            if (!(fit.residual() <= EXACT)) {
                return false;
            }
        }
        return true;
    }

    static boolean everyClassPredicted(List<Answer> answers, int outputs) {
        for (int k = 0; k < outputs; k++) {
            if (!predictedSomewhere(answers, k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The copy with every unit turned the right way, or null while the answers do not settle it. Fitted with a linear
     * term, a class whose gradient was released has L_k = −Σ_{j flipped} A_kj n_j (a·relu(−s) = a·relu(s) − a·s), so
     * the flipped units solve a linear system over the classes seen; with them turned, every class — seen or not — is
     * fitted without a linear term, and the result is kept only if it reproduces every answer.
     */
    static TwoLayerNet oriented(List<Unit> units, List<Answer> answers, ClassFit[] linear, int d) {
        int m = units.size();
        int outputs = linear.length;
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            if (!predictedSomewhere(answers, k)) {
                continue;
            }
            double[] fit = linear[k].coefficients();
            for (int i = 0; i < d; i++) {
                double[] row = new double[m];
                for (int j = 0; j < m; j++) {
                    row[j] = fit[j] * units.get(j).normal()[i];
                }
                rows.add(row);
                targets.add(-fit[m + i]);
            }
        }
        if (rows.size() < m) {
            return null;
        }
        double[] flips = leastSquares(rows, targets, m);
        List<Unit> turned = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            long flip = Math.round(flips[j]);
            if (flip != 0 && flip != 1 || Math.abs(flips[j] - flip) > 1e-6) {
                return null;
            }
            Unit unit = units.get(j);
            turned.add(flip == 1 ? unit.turned() : unit);
        }
        double[][] w2 = new double[outputs][];
        double[] b2 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            ClassFit fit = fitClass(turned, answers, k, d, false);
            if (!(fit.residual() <= EXACT)) {
                return null;
            }
            w2[k] = java.util.Arrays.copyOf(fit.coefficients(), m);
            b2[k] = fit.coefficients()[m];
        }
        double[][] w1 = new double[m][];
        double[] b1 = new double[m];
        for (int j = 0; j < m; j++) {
            w1[j] = turned.get(j).normal();
            b1[j] = turned.get(j).offset();
        }
        return new TwoLayerNet(w1, b1, w2, b2);
    }

    private static boolean predictedSomewhere(List<Answer> answers, int k) {
        return answers.stream().anyMatch(a -> a.predicted() == k);
    }

    /**
     * The copy when the orientations stay unsettled: each unit as found, and per class a linear term, held as two
     * units (relu(L·x) − relu(−L·x) = L·x); exact for every class whose gradient was released.
     */
    static TwoLayerNet withLinearTerm(List<Unit> units, ClassFit[] linear, int d) {
        int m = units.size();
        int outputs = linear.length;
        double[][] w1 = new double[m + 2 * outputs][];
        double[] b1 = new double[m + 2 * outputs];
        double[][] w2 = new double[outputs][m + 2 * outputs];
        double[] b2 = new double[outputs];
        for (int j = 0; j < m; j++) {
            w1[j] = units.get(j).normal().clone();
            b1[j] = units.get(j).offset();
        }
        for (int k = 0; k < outputs; k++) {
            double[] fit = linear[k].coefficients();
            System.arraycopy(fit, 0, w2[k], 0, m);
            b2[k] = fit[m + d];
            w1[m + 2 * k] = java.util.Arrays.copyOfRange(fit, m, m + d);
            w1[m + 2 * k + 1] = new double[d];
            for (int i = 0; i < d; i++) {
                w1[m + 2 * k + 1][i] = -fit[m + i];
            }
            w2[k][m + 2 * k] = 1;
            w2[k][m + 2 * k + 1] = -1;
        }
        return new TwoLayerNet(w1, b1, w2, b2);
    }

    /**
     * A class's output weights over the units' activations (then, with {@code linear}, a linear term over the input)
     * and its bias, and the largest residual relative to the answers' scale.
     */
    record ClassFit(double[] coefficients, double residual) {
    }

    /**
     * Least squares over every query's score of class k and the gradients of the queries that predicted k; score rows
     * are scaled by 1 / (1 + ‖x‖), as the segment's ends lie far out.
     */
    private static ClassFit fitClass(List<Unit> units, List<Answer> answers, int k, int d, boolean linear) {
        int m = units.size();
        int columns = m + (linear ? d : 0) + 1;
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        double scale = 0;
        for (Answer a : answers) {
            double weight = 1 / (1 + Math.sqrt(dot(a.x(), a.x())));
            double[] row = new double[columns];
            for (int j = 0; j < m; j++) {
                row[j] = weight * units.get(j).activation(a.x());
            }
            if (linear) {
                for (int i = 0; i < d; i++) {
                    row[m + i] = weight * a.x()[i];
                }
            }
            row[columns - 1] = weight;
            rows.add(row);
            targets.add(weight * a.logits()[k]);
            scale = Math.max(scale, weight * Math.abs(a.logits()[k]));
            if (a.predicted() == k) {
                for (int i = 0; i < d; i++) {
                    double[] gradientRow = new double[columns];
                    for (int j = 0; j < m; j++) {
                        Unit unit = units.get(j);
                        gradientRow[j] = unit.activation(a.x()) > 0 ? unit.normal()[i] : 0;
                    }
                    if (linear) {
                        gradientRow[m + i] = 1;
                    }
                    rows.add(gradientRow);
                    targets.add(a.gradient()[i]);
                    scale = Math.max(scale, Math.abs(a.gradient()[i]));
                }
            }
        }
        double[] solution = leastSquares(rows, targets, columns);
        double residual = 0;
        for (int r = 0; r < rows.size(); r++) {
            residual = Math.max(residual, Math.abs(dot(rows.get(r), solution) - targets.get(r)));
        }
        return new ClassFit(solution, residual / Math.max(scale, Double.MIN_NORMAL));
    }

    private static double[] leastSquares(List<double[]> rows, List<Double> targets, int columns) {
        DMatrixRMaj a = new DMatrixRMaj(rows.size(), columns);
        DMatrixRMaj y = new DMatrixRMaj(rows.size(), 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                a.set(r, c, rows.get(r)[c]);
            }
            y.set(r, 0, targets.get(r));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a)) {
            throw new IllegalStateException("a least-squares system of the reconstruction is singular");
        }
        DMatrixRMaj x = new DMatrixRMaj(columns, 1);
        solver.solve(y, x);
        return x.getData();
    }
}
