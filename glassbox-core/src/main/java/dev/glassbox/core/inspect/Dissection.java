package dev.glassbox.core.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.math.Upsampling;
import dev.glassbox.core.model.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Network dissection (Bau et al. 2017) of one layer's units against concepts with exact masks: each unit's threshold
 * T_k is the top {@code quantile} (0.5%) of its activations over the whole data set and every position; its
 * activation map, upsampled bilinearly to the image, is cut at T_k into a mask M_k; its IoU with concept c is
 * Σ_images |M_k ∩ L_c| / Σ_images |M_k ∪ L_c| over the data set; the unit is labelled with its best concept, and is a
 * detector of it when that IoU exceeds the label threshold (0.04). Note that with a 0.5% quantile a unit's mask covers
 * about 0.5% of all pixels, so a concept covering more than an eighth of them cannot reach IoU 0.04.
 */
public final class Dissection {
    /** The quantile of the paper: units are cut at their top 0.5%. */
    public static final double TOP_QUANTILE = 0.005;
    /** The paper's IoU above which a unit counts as a detector. */
    public static final double LABEL_IOU = 0.04;

    private Dissection() {
    }

    /**
     * A unit's best concept.
     *
     * @param unit the unit (channel) index
     * @param concept the concept with the highest IoU
     * @param iou that IoU
     * @param detector whether the IoU exceeds the label threshold
     */
    public record UnitLabel(int unit, String concept, double iou, boolean detector) {
    }

    /**
     * A dissected layer.
     *
     * @param layer the layer's name
     * @param concepts the concepts, in the order of {@code iou}'s columns
     * @param thresholds each unit's activation threshold
     * @param iou {@code iou[k][c]}: unit k against concept c
     * @param units each unit's label, in unit order
     * @param uniqueDetectors how many different concepts have at least one detector
     */
    public record Result(String layer, List<String> concepts, double[] thresholds, double[][] iou,
            List<UnitLabel> units, int uniqueDetectors) {

        /** The units ranked by their best IoU, highest first (ties by unit index). */
        public List<UnitLabel> ranked() {
            List<UnitLabel> out = new ArrayList<>(units);
            out.sort((a, b) -> a.iou() != b.iou() ? Double.compare(b.iou(), a.iou()) : Integer.compare(a.unit(),
                    b.unit()));
            return out;
        }
    }

    /** Refuses a layer whose output is not units × height × width maps, which dissection needs. */
    public static void requireMaps(String layer, Shape layerShape) {
        if (layerShape.rank() != 3) {
            throw new InvalidInputException("network dissection needs a layer with units × height × width outputs; "
                    + "layer '" + layer + "' gives " + layerShape);
        }
    }

    /**
     * Dissects one layer.
     *
     * @param layer the layer's name
     * @param layerShape the layer's output shape for one image: units × h × w
     * @param activations one row per image of the data set, flattened in {@code layerShape}
     * @param data the concept images the activations were taken on
     * @param quantile the share of each unit's activations above its threshold
     * @param labelIou the IoU above which a unit is a detector
     */
    public static Result dissect(String layer, Shape layerShape, float[][] activations, ConceptImages data,
            double quantile, double labelIou) {
        requireMaps(layer, layerShape);
        if (activations.length != data.images().length) {
            throw new IllegalArgumentException(activations.length + " activation rows for " + data.images().length
                    + " images");
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new InvalidInputException("the top quantile must lie in (0, 1), got " + quantile);
        }
        int units = layerShape.dim(0);
        int h = layerShape.dim(1);
        int w = layerShape.dim(2);
        int outH = data.shape().dim(1);
        int outW = data.shape().dim(2);
        double[] thresholds = thresholds(activations, units, h * w, quantile);
        int concepts = data.concepts().size();
        long[][] intersection = new long[units][concepts];
        long[][] union = new long[units][concepts];
        long[] conceptArea = new long[concepts];
        long[] unitArea = new long[units];
        for (int i = 0; i < activations.length; i++) {
            for (int c = 0; c < concepts; c++) {
                conceptArea[c] += data.masks()[c][i].cardinality();
            }
            for (int k = 0; k < units; k++) {
                float[] map = Arrays.copyOfRange(activations[i], k * h * w, (k + 1) * h * w);
                float[] up = h == outH && w == outW ? map : Upsampling.BILINEAR.resize(map, h, w, outH, outW);
                BitSet mask = new BitSet(up.length);
                for (int p = 0; p < up.length; p++) {
                    if (up[p] > thresholds[k]) {
                        mask.set(p);
                    }
                }
                unitArea[k] += mask.cardinality();
                for (int c = 0; c < concepts; c++) {
                    BitSet both = (BitSet) mask.clone();
                    both.and(data.masks()[c][i]);
                    intersection[k][c] += both.cardinality();
                }
            }
        }
        double[][] iou = new double[units][concepts];
        List<UnitLabel> labels = new ArrayList<>();
        Set<String> detected = new LinkedHashSet<>();
        for (int k = 0; k < units; k++) {
            int best = 0;
            for (int c = 0; c < concepts; c++) {
                union[k][c] = unitArea[k] + conceptArea[c] - intersection[k][c];
                iou[k][c] = union[k][c] == 0 ? 0 : intersection[k][c] / (double) union[k][c];
                best = iou[k][c] > iou[k][best] ? c : best;
            }
            boolean detector = iou[k][best] > labelIou;
            labels.add(new UnitLabel(k, data.concepts().get(best), iou[k][best], detector));
            if (detector) {
                detected.add(data.concepts().get(best));
            }
        }
        return new Result(layer, data.concepts(), thresholds, iou, List.copyOf(labels), detected.size());
    }

    /**
     * Each unit's threshold: the value with a share {@code quantile} of its activations (over every image and
     * position) above it, interpolated linearly between order statistics as NumPy's default quantile does.
     */
    static double[] thresholds(float[][] activations, int units, int plane, double quantile) {
        double[] out = new double[units];
        float[] values = new float[activations.length * plane];
        for (int k = 0; k < units; k++) {
            for (int i = 0; i < activations.length; i++) {
                System.arraycopy(activations[i], k * plane, values, i * plane, plane);
            }
            Arrays.sort(values);
            double position = (1 - quantile) * (values.length - 1);
            int low = (int) Math.floor(position);
            int high = Math.min(values.length - 1, low + 1);
            out[k] = values[low] + (position - low) * (values[high] - values[low]);
        }
        return out;
    }
}
