package dev.glassbox.djl.interpretable;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attention rollout (Abnar and Zuidema 2020): each block's attention averaged over its heads, with the residual
 * connection's identity mixed in, {@code Â_l = ½ A_l + ½ I} (rows still sum to 1), multiplied through the blocks,
 * {@code R = Â_L ⋯ Â_1}; the class token's row of R over the patch tokens says how much each patch flowed into the
 * class token. The map does not depend on the class explained (rollout is class-agnostic): the target only labels it.
 * With {@code lastBlockOnly} the map is instead the raw attention of the class token in the last block, averaged over
 * its heads.
 */
public final class AttentionRollout implements Explainer {
    private final Model model;
    private final AttentionMaps maps;
    private final boolean lastBlockOnly;

    private AttentionRollout(Model model, AttentionMaps maps, boolean lastBlockOnly) {
        this.model = model;
        this.maps = maps;
        this.lastBlockOnly = lastBlockOnly;
    }

    /** Rollout through all of {@code maps}' blocks of the model they read. */
    public static AttentionRollout rollout(Model model, AttentionMaps maps) {
        return new AttentionRollout(model, maps, false);
    }

    /** The class token's raw attention in the last of {@code maps}' blocks, averaged over heads. */
    public static AttentionRollout lastBlock(Model model, AttentionMaps maps) {
        return new AttentionRollout(model, maps, true);
    }

    /**
     * The rollout matrix {@code R = Â_L ⋯ Â_1} of one input's attention, {@code [block][head]} row-major
     * {@code tokens × tokens} matrices.
     */
    public static double[][] matrix(float[][][] attention, int tokens) {
        double[][] r = identity(tokens);
        for (float[][] heads : attention) {
            double[][] mixed = headMean(heads, tokens);
            for (int q = 0; q < tokens; q++) {
                for (int k = 0; k < tokens; k++) {
                    mixed[q][k] = 0.5 * mixed[q][k] + (q == k ? 0.5 : 0);
                }
            }
            r = multiply(mixed, r);
        }
        return r;
    }

    /** The mean over heads of one block's {@code tokens × tokens} attention. */
    static double[][] headMean(float[][] heads, int tokens) {
        if (heads.length == 0 || heads[0].length != tokens * tokens) {
            throw new InvalidInputException("attention matrices must be " + tokens + "×" + tokens + " per head");
        }
        double[][] mean = new double[tokens][tokens];
        for (float[] head : heads) {
            for (int q = 0; q < tokens; q++) {
                for (int k = 0; k < tokens; k++) {
                    mean[q][k] += head[q * tokens + k] / (double) heads.length;
                }
            }
        }
        return mean;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        float[][] scores = model.predict(inputs);
        float[][][][] attention = maps.of(inputs);
        int tokens = maps.tokens();
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            double[] row = lastBlockOnly ? headMean(attention[i][attention[i].length - 1], tokens)[0]
                    : matrix(attention[i], tokens)[0];
            float[] patches = new float[tokens - 1];
            for (int p = 0; p < patches.length; p++) {
                patches[p] = (float) row[p + 1];
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("blocks", String.join(",", lastBlockOnly ? maps.blocks().subList(maps.blocks().size() - 1,
                    maps.blocks().size()) : maps.blocks()));
            out.add(TokenGrid.attribution(lastBlockOnly ? "attention" : "rollout", target.resolve(scores[i]), patches,
                    model.inputShape(), params));
        }
        return out;
    }
}
