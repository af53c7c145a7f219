package dev.glassbox.djl.uncertainty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.backprop.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * The negative evidence lower bound of Bayes by backprop for one mini-batch: {@code Σ_i NLL_i + KL(q ‖ p) / M}, with
 * the KL of every {@link BayesianLayer} weighted 1/M for M batches per epoch so that an epoch counts it once
 * (Blundell et al. 2015). It is divided by the batch size, so that it reads as a mean NLL plus a penalty and a
 * learning rate means what it means for the plain classifier.
 */
public final class ElboLoss extends Loss {
    private final Loss nll;
    private final List<BayesianLayer> layers;
    private final int batchesPerEpoch;

    private ElboLoss(Loss nll, List<BayesianLayer> layers, int batchesPerEpoch) {
        super("elbo");
        this.nll = nll;
        this.layers = layers;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /**
     * The ELBO loss of the Bayesian layers anywhere in {@code block}, with {@code nll} the mean negative
     * log-likelihood of a batch (softmax cross-entropy for classifiers).
     */
    public static ElboLoss of(Block block, Loss nll, int batchesPerEpoch) {
        List<BayesianLayer> layers = new ArrayList<>();
        collect(block, layers);
        if (layers.isEmpty()) {
            throw new InvalidInputException("the ELBO needs at least one Bayesian layer, the network has none");
        }
        if (batchesPerEpoch < 1) {
            throw new InvalidInputException("batches per epoch must be at least 1, was " + batchesPerEpoch);
        }
        return new ElboLoss(nll, List.copyOf(layers), batchesPerEpoch);
    }

    private static void collect(Block block, List<BayesianLayer> into) {
        if (block instanceof BayesianLayer layer) {
            into.add(layer);
        }
        block.getChildren().values().forEach(child -> collect(child, into));
    }

    /** The summed KL of all Bayesian layers, {@code KL(q ‖ p)}, in {@code manager}. */
    public NDArray kl(NDManager manager) {
        NDArray sum = layers.get(0).kl(manager);
        for (int i = 1; i < layers.size(); i++) {
            sum = sum.add(layers.get(i).kl(manager));
        }
        return sum;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray first = labels.head();
        long batch = first.getShape().get(0);
        return nll.evaluate(labels, predictions).add(kl(first.getManager()).div(Scalars.like(first, (double) batchesPerEpoch * batch)));
    }
}
