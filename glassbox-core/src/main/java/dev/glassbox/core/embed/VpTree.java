package dev.glassbox.core.embed;

import java.util.SplittableRandom;

/**
 * A vantage-point tree (Yianilos 1993) over rows of float data for exact Euclidean nearest-neighbour search. Each
 * node picks a vantage point and splits the rest at their median distance to it; a search visits a side only when the
 * triangle inequality says it may hold a closer point. The tree is implicit in a permutation of the rows: the node of
 * range {@code [lo, hi)} has its vantage point at {@code lo}, the inside half at {@code [lo+1, mid)} and the outside
 * half at {@code [mid, hi)}; the rows are copied in that order so that a search reads memory in runs. Results break
 * distance ties by the smaller row index, so they do not depend on the tree.
 */
final class VpTree {
    private static final int LEAF = 8;

    private final int dims;
    private final int[] order;
    private final double[] radius;
    private final float[] sorted;

    /** Builds the tree over {@code n} rows of {@code dims} values, row-major in {@code points}. */
    VpTree(float[] points, int dims) {
        this.dims = dims;
        int n = points.length / dims;
        this.order = new int[n];
        this.radius = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        build(points, 0, n, new double[n], new SplittableRandom(n));
        this.sorted = new float[points.length];
        for (int p = 0; p < n; p++) {
            System.arraycopy(points, order[p] * dims, sorted, p * dims, dims);
        }
    }

    private void build(float[] points, int lo, int hi, double[] distances, SplittableRandom random) {
        if (hi - lo <= LEAF) {
            return;
        }
        swap(lo, lo + random.nextInt(hi - lo));
        int vantage = order[lo] * dims;
        for (int p = lo + 1; p < hi; p++) {
            distances[p] = Math.sqrt(squaredDistance(points, vantage, points, order[p] * dims,
                    Double.POSITIVE_INFINITY));
        }
        int mid = (lo + 1 + hi) >>> 1;
        select(lo + 1, hi - 1, mid, distances);
        radius[lo] = distances[mid];
        build(points, lo + 1, mid, distances, random);
        build(points, mid, hi, distances, random);
    }

    /** Reorders {@code [left, right]} so that position {@code nth} holds the value it would hold if sorted. */
    private void select(int left, int right, int nth, double[] distances) {
        while (right > left) {
            double pivot = distances[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (distances[i] < pivot) {
                    i++;
                }
                while (distances[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    double t = distances[i];
                    distances[i++] = distances[j];
                    distances[j--] = t;
                }
            }
            if (nth <= j) {
                right = j;
            } else if (nth >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
    }

    /**
     * The squared distance between the rows at {@code a} and {@code b}, or any value above {@code bound} as soon as
     * the partial sum passes it.
     */
    private double squaredDistance(float[] x, int a, float[] y, int b, double bound) {
        double sum = 0;
        for (int k = 0; k < dims; k++) {
            double diff = x[a + k] - y[b + k];
            sum += diff * diff;
            if ((k & 7) == 7 && sum > bound) {
                return sum;
            }
        }
        return sum;
    }

    /** The row at a position of the tree's order: searching rows in this order keeps nearby rows together. */
    int rowAt(int position) {
        return order[position];
    }

    /**
     * Finds the {@code k} rows nearest to row {@code query} ({@code values} holds its values), excluding the row
     * itself, nearest first, and writes their indices and distances into {@code indices} and {@code distances} from
     * {@code offset}.
     */
    void search(int query, float[] values, int k, int[] indices, double[] distances, int offset) {
        Heap heap = new Heap(k);
        search(query, values, 0, order.length, heap);
        heap.drainSorted(indices, distances, offset);
        for (int r = offset; r < offset + k; r++) {
            distances[r] = Math.sqrt(distances[r]);
        }
    }

    private void search(int query, float[] values, int lo, int hi, Heap heap) {
        if (hi - lo <= LEAF) {
            for (int p = lo; p < hi; p++) {
                if (order[p] != query) {
                    double bound = heap.bound();
                    double d2 = squaredDistance(values, 0, sorted, p * dims, bound);
                    if (d2 <= bound) {
                        heap.offer(d2, order[p]);
                    }
                }
            }
            return;
        }
        double d2 = squaredDistance(values, 0, sorted, lo * dims, Double.POSITIVE_INFINITY);
        if (order[lo] != query) {
            heap.offer(d2, order[lo]);
        }
        double d = Math.sqrt(d2);
        double r = radius[lo];
        int mid = (lo + 1 + hi) >>> 1;
        boolean insideFirst = d < r;
        for (int side = 0; side < 2; side++) {
            double tau = Math.sqrt(heap.bound());
            if (insideFirst == (side == 0)) {
                if (d - tau <= r) {
                    search(query, values, lo + 1, mid, heap);
                }
            } else if (d + tau >= r) {
                search(query, values, mid, hi, heap);
            }
        }
    }

    /** The {@code k} smallest (squared distance, index) pairs seen, in a binary max-heap. */
    private static final class Heap {
        private final double[] keys;
        private final int[] ids;
        private int size;

        Heap(int k) {
            keys = new double[k];
            ids = new int[k];
        }

        /** The squared distance a candidate must not exceed to enter: infinite until the heap is full. */
        double bound() {
            return size < keys.length ? Double.POSITIVE_INFINITY : keys[0];
        }

        void offer(double key, int id) {
            if (size < keys.length) {
                int at = size++;
                while (at > 0) {
                    int parent = (at - 1) >>> 1;
                    if (!greater(key, id, keys[parent], ids[parent])) {
                        break;
                    }
                    keys[at] = keys[parent];
                    ids[at] = ids[parent];
                    at = parent;
                }
                keys[at] = key;
                ids[at] = id;
            } else if (greater(keys[0], ids[0], key, id)) {
                siftDown(key, id, size);
            }
        }

        /** Puts {@code (key, id)} at the root and restores the heap over the first {@code limit} entries. */
        private void siftDown(double key, int id, int limit) {
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= limit) {
                    break;
                }
                if (child + 1 < limit && greater(keys[child + 1], ids[child + 1], keys[child], ids[child])) {
                    child++;
                }
                if (!greater(keys[child], ids[child], key, id)) {
                    break;
                }
                keys[at] = keys[child];
                ids[at] = ids[child];
                at = child;
            }
            keys[at] = key;
            ids[at] = id;
        }

        private static boolean greater(double keyA, int idA, double keyB, int idB) {
            return keyA > keyB || (keyA == keyB && idA > idB);
        }

        /** Writes the entries nearest first; the heap is empty afterwards. */
        void drainSorted(int[] outIds, double[] outKeys, int offset) {
            for (int last = size - 1; last >= 0; last--) {
                outIds[offset + last] = ids[0];
                outKeys[offset + last] = keys[0];
                siftDown(keys[last], ids[last], last);
            }
            size = 0;
        }
    }
}
