package dev.glassbox.core.embed;

import java.util.Arrays;

/**
 * A space-partitioning tree over points of 1 to 3 coordinates (a binary tree, quadtree or octree): each cell is a
 * cube split into 2^d equal children, and keeps the number of points in it and their centre of mass. Cells holding
 * one point (or only coincident points) are leaves. Nodes live in flat arrays; the children of a node are stored
 * next to each other, in a fixed order, so that traversals sum in the same order on any thread.
 */
final class SpaceTree {
    private static final int MAX_DEPTH = 64;

    private final int dims;
    private final double[] y;
    private final int[] order;
    private double[] centre;
    private double[] width;
    private int[] count;
    private int[] firstChild;
    private int[] childCount;
    private int[] from;
    private int nodes;

    /** Builds the tree over the points {@code y} (row-major, {@code dims} coordinates each). */
    SpaceTree(double[] y, int dims) {
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("a space tree holds points of 1 to 3 coordinates, not " + dims);
        }
        this.dims = dims;
        this.y = y;
        int n = y.length / dims;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = 2 * n + 1;
        centre = new double[capacity * dims];
        width = new double[capacity];
        count = new int[capacity];
        firstChild = new int[capacity];
        childCount = new int[capacity];
        from = new int[capacity];
        double[] low = new double[dims];
        double[] high = new double[dims];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dims; k++) {
                low[k] = Math.min(low[k], y[i * dims + k]);
                high[k] = Math.max(high[k], y[i * dims + k]);
            }
        }
        double half = 0;
        double[] middle = new double[dims];
        for (int k = 0; k < dims; k++) {
            middle[k] = (low[k] + high[k]) / 2;
            half = Math.max(half, (high[k] - low[k]) / 2);
        }
        half = half * (1 + 1e-9) + 1e-12;
        nodes = 1;
        build(0, 0, n, middle, half, 0, new int[n]);
    }

    private void build(int node, int lo, int hi, double[] middle, double half, int depth, int[] scratch) {
        from[node] = lo;
        count[node] = hi - lo;
        width[node] = 2 * half;
        for (int k = 0; k < dims; k++) {
            double sum = 0;
            for (int p = lo; p < hi; p++) {
                sum += y[order[p] * dims + k];
            }
            centre[node * dims + k] = sum / (hi - lo);
        }
        if (hi - lo <= 1 || depth >= MAX_DEPTH) {
            firstChild[node] = -1;
            return;
        }
        int quadrants = 1 << dims;
        int[] start = new int[quadrants + 1];
        for (int p = lo; p < hi; p++) {
            start[quadrant(order[p], middle) + 1]++;
        }
        for (int q = 0; q < quadrants; q++) {
            start[q + 1] += start[q];
        }
        int[] next = Arrays.copyOf(start, quadrants);
        for (int p = lo; p < hi; p++) {
            scratch[lo + next[quadrant(order[p], middle)]++] = order[p];
        }
        System.arraycopy(scratch, lo, order, lo, hi - lo);
        int children = 0;
        for (int q = 0; q < quadrants; q++) {
            if (start[q + 1] > start[q]) {
                children++;
            }
        }
        int first = allocate(children);
        firstChild[node] = first;
        childCount[node] = children;
        int child = first;
        double[] childMiddle = new double[dims];
        for (int q = 0; q < quadrants; q++) {
            if (start[q + 1] == start[q]) {
                continue;
            }
            for (int k = 0; k < dims; k++) {
                childMiddle[k] = middle[k] + ((q >> k & 1) == 1 ? half / 2 : -half / 2);
            }
            build(child++, lo + start[q], lo + start[q + 1], childMiddle, half / 2, depth + 1, scratch);
        }
    }

    private int quadrant(int point, double[] middle) {
        int q = 0;
        for (int k = 0; k < dims; k++) {
            if (y[point * dims + k] >= middle[k]) {
                q |= 1 << k;
            }
        }
        return q;
    }

    private int allocate(int children) {
        int first = nodes;
        nodes += children;
        if (nodes > count.length) {
            int capacity = Math.max(nodes, 2 * count.length);
            centre = Arrays.copyOf(centre, capacity * dims);
            width = Arrays.copyOf(width, capacity);
            count = Arrays.copyOf(count, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            childCount = Arrays.copyOf(childCount, capacity);
            from = Arrays.copyOf(from, capacity);
        }
        return first;
    }

    /**
     * The Barnes–Hut approximation of point {@code i}'s t-SNE repulsion: cells whose width is less than
     * {@code theta} times their distance from the point count as one body of their size at their centre of mass;
     * others are opened. Adds {@code Σ w² (y_i - y_j)} to {@code force} (from {@code at}) and returns {@code Σ w}
     * over all points but {@code i}. With θ = 0 every cell is opened and the sums are exact.
     */
    double repulsion(int i, double theta, double[] force, int at, int[] stack) {
        double theta2 = theta * theta;
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (firstChild[node] < 0) {
                for (int p = from[node]; p < from[node] + count[node]; p++) {
                    int j = order[p];
                    if (j != i) {
                        z += body(i, y, j * dims, 1, force, at);
                    }
                }
            } else if (width[node] * width[node] < theta2 * squaredDistance(i, node)) {
                z += body(i, centre, node * dims, count[node], force, at);
            } else {
                for (int c = firstChild[node] + childCount[node] - 1; c >= firstChild[node]; c--) {
                    stack[top++] = c;
                }
            }
        }
        return z;
    }

    /** Adds the repulsion of {@code mass} points at {@code source[offset..]} on point {@code i}; returns their Σ w. */
    private double body(int i, double[] source, int offset, int mass, double[] force, int at) {
        double d2 = 0;
        for (int k = 0; k < dims; k++) {
            double diff = y[i * dims + k] - source[offset + k];
            d2 += diff * diff;
        }
        double w = 1 / (1 + d2);
        double mw = mass * w;
        for (int k = 0; k < dims; k++) {
            force[at + k] += mw * w * (y[i * dims + k] - source[offset + k]);
        }
        return mw;
    }

    private double squaredDistance(int i, int node) {
        double d2 = 0;
        for (int k = 0; k < dims; k++) {
            double diff = y[i * dims + k] - centre[node * dims + k];
            d2 += diff * diff;
        }
        return d2;
    }

    /** A stack deep enough for any traversal of this tree. */
    int[] newStack() {
        return new int[MAX_DEPTH * (1 << dims) + 1];
    }
}
