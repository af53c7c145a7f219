package dev.glassbox.core.uncertainty;

/**
 * The standard summary of an out-of-distribution score: AUROC, AUPRC (OOD as the positive class) and FPR at 95% TPR.
 *
 * @param auroc the area under the ROC curve (1 = perfect separation, 0.5 = chance)
 * @param auprc the average precision with OOD samples as positives
 * @param fprAt95Tpr the share of in-distribution samples flagged when 95% of OOD samples are (lower is better)
 */
public record OodEvaluation(double auroc, double auprc, double fprAt95Tpr) {

    /** Evaluates scores (higher = more OOD) of in-distribution and out-of-distribution samples. */
    public static OodEvaluation of(double[] inDistribution, double[] outOfDistribution) {
        return new OodEvaluation(OodMetrics.auroc(inDistribution, outOfDistribution),
                OodMetrics.averagePrecision(inDistribution, outOfDistribution),
                OodMetrics.fprAt95Tpr(inDistribution, outOfDistribution));
    }
}
