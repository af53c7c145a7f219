package dev.glassbox.spark;

import org.apache.spark.ml.linalg.Vector;

/**
 * Feature values from a Spark ML vector cell (dense or sparse), each double rounded to the nearest float once. In a
 * class of its own so that a job without Spark ML on its class path never loads {@link Vector}.
 */
final class MlVectors {
    /** The package of Spark ML's vector classes, which a cell's class is checked against before this class loads. */
    static final String PACKAGE = "org.apache.spark.ml.linalg.";

    private MlVectors() {
    }

    /** Whether {@code cell} is a Spark ML vector, decided by its class name. */
    static boolean isVector(Object cell) {
        return cell.getClass().getName().startsWith(PACKAGE);
    }

    /** The vector's values as floats. */
    static float[] values(Object cell) {
        double[] values = ((Vector) cell).toArray();
        float[] out = new float[values.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) values[j];
        }
        return out;
    }
}
