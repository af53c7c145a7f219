package dev.glassbox.core.design;

/**
 * One evaluation of the objective told to {@link BayesianOptimizer}.
 *
 * @param point where the objective was evaluated
 * @param value the objective's value there (finite)
 */
public record Observation(double[] point, double value) {
    public Observation {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && java.util.Arrays.equals(point, other.point)
                && Double.compare(value, other.value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(point) + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "Observation[point=" + java.util.Arrays.toString(point) + ", value=" + value + "]";
    }
}
