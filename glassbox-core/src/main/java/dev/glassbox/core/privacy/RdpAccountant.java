package dev.glassbox.core.privacy;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Rényi-DP accounting over a fixed list of orders: RDP composes by addition at each order, so running the sampled
 * Gaussian mechanism for T steps costs T · RDP_step(α), and different phases (another q or σ) add up. The (ε, δ)
 * guarantee is the smallest conversion over the orders. Immutable: {@link #compose} returns a new accountant.
 */
public final class RdpAccountant {
    /** TensorFlow Privacy's default orders in {@code compute_dp_sgd_privacy}: 1.25 … 4.5, 5 … 63, 128, 256, 512. */
    public static final double[] DEFAULT_ORDERS = DoubleStream.concat(DoubleStream.concat(
            DoubleStream.of(1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5),
            IntStream.range(5, 64).asDoubleStream()), DoubleStream.of(128, 256, 512)).toArray();

    private final double[] orders;
    private final double[] rdp;

    private RdpAccountant(double[] orders, double[] rdp) {
        this.orders = orders;
        this.rdp = rdp;
    }

    /** An accountant that has spent nothing, over {@link #DEFAULT_ORDERS}. */
    public static RdpAccountant create() {
        return create(DEFAULT_ORDERS);
    }

    /** An accountant that has spent nothing, over the given orders (each above 1). */
    public static RdpAccountant create(double... orders) {
        if (orders.length == 0) {
            throw new IllegalArgumentException("an RDP accountant needs at least one order");
        }
        for (double alpha : orders) {
            if (!(alpha > 1)) {
                throw new IllegalArgumentException("Rényi orders must be above 1, got " + alpha);
            }
        }
        return new RdpAccountant(orders.clone(), new double[orders.length]);
    }

    /** This accountant after {@code steps} more steps of the sampled Gaussian mechanism at rate q and noise σ. */
    public RdpAccountant compose(double q, double noiseMultiplier, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, was " + steps);
        }
        double[] next = rdp.clone();
        for (int k = 0; k < orders.length; k++) {
            next[k] += steps * SampledGaussianRdp.rdp(q, noiseMultiplier, orders[k]);
        }
        return new RdpAccountant(orders, next);
    }

    /** The orders. */
    public double[] orders() {
        return orders.clone();
    }

    /** The RDP spent so far at each order. */
    public double[] rdp() {
        return rdp.clone();
    }

    /** The smallest ε over the orders for this δ, with the {@link RdpConversion#CLASSIC} conversion. */
    public PrivacySpent epsilon(double delta) {
        return epsilon(delta, RdpConversion.CLASSIC);
    }

    /** The smallest ε over the orders for this δ (in (0, 1)). */
    public PrivacySpent epsilon(double delta, RdpConversion conversion) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("δ must lie in (0, 1), was " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int k = 0; k < orders.length; k++) {
            double eps = conversion.epsilon(rdp[k], orders[k], delta);
            if (eps < best) {
                best = eps;
                bestOrder = orders[k];
            }
        }
        return new PrivacySpent(best, delta, bestOrder);
    }

    @Override
    public String toString() {
        return "RdpAccountant" + Arrays.toString(rdp);
    }
}
