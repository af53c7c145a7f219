package dev.glassbox.core.embed;

import java.util.SplittableRandom;

/**
 * A vantage-point tree (Yianilos 1993) over rows of float data for exact Euclidean nearest-neighbour search. Each
 * node picks a vantage point and splits the rest at their median distance to it; a search visits a side only when the
 * triangle inequality says it may hold a closer point. The tree is implicit in a permutation of the rows: the node of
 * range {@code [lo, hi)} has its vantage point at {@code lo}, the inside half at {@code [lo+1, mid)} and the outside
 * half at {@code [mid, hi)}. Results break distance ties by the smaller row index, so they do not depend on the tree.
 */
final class VpTree {
    private static final int LEAF = 8;

    private final float[] points;
    private final int dims;
    private final int[] order;
    private final double[] radius;

    /** Builds the tree over {@code n} rows of {@code dims} values, row-major in {@code points}. */
    VpTree(float[] points, int dims) {
        this.points = points;
        this.dims = dims;
        int n = points.length / dims;
        this.order = new int[n];
        this.radius = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] distances = new double[n];
        build(0, n, distances, new SplittableRandom(n));
    }

    private void build(int lo, int hi, double[] distances, SplittableRandom random) {
        if (hi - lo <= LEAF) {
            return;
        }
        swap(lo, lo + random.nextInt(hi - lo));
        int vantage = order[lo];
        for (int p = lo + 1; p < hi; p++) {
            distances[p] = distance(vantage, order[p]);
        }
        int mid = (lo + 1 + hi) >>> 1;
        select(lo + 1, hi - 1, mid, distances);
        radius[lo] = distances[mid];
        build(lo + 1, mid, distances, random);
        build(mid, hi, distances, random);
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
                    swapWithDistance(i++, j--, distances);
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

    private void swapWithDistance(int a, int b, double[] distances) {
        swap(a, b);
        double t = distances[a];
        distances[a] = distances[b];
        distances[b] = t;
    }

    private void swap(int a, int b) {
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
    }

    private double distance(int a, int b) {
        int ia = a * dims;
        int ib = b * dims;
        double sum = 0;
        for (int k = 0; k < dims; k++) {
            double diff = points[ia + k] - points[ib + k];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /**
     * Finds the {@code k} rows nearest to row {@code query}, excluding the row itself, nearest first, and writes their
     * indices and distances into {@code indices} and {@code distances} from {@code offset}.
     */
    void search(int query, int k, int[] indices, double[] distances, int offset) {
        Heap heap = new Heap(k);
        search(query, 0, order.length, heap);
        heap.drainSorted(indices, distances, offset);
    }

    private void search(int query, int lo, int hi, Heap heap) {
        if (hi - lo <= LEAF) {
            for (int p = lo; p < hi; p++) {
                consider(query, order[p], heap);
            }
            return;
        }
        int vantage = order[lo];
        double d = consider(query, vantage, heap);
        double r = radius[lo];
        int mid = (lo + 1 + hi) >>> 1;
        if (d < r) {
            if (d - heap.bound() <= r) {
                search(query, lo + 1, mid, heap);
            }
            if (d + heap.bound() >= r) {
                search(query, mid, hi, heap);
            }
        } else {
            if (d + heap.bound() >= r) {
                search(query, mid, hi, heap);
            }
            if (d - heap.bound() <= r) {
                search(query, lo + 1, mid, heap);
            }
        }
    }

    private double consider(int query, int candidate, Heap heap) {
        double d = distance(query, candidate);
        if (candidate != query) {
            heap.offer(d, candidate);
        }
        return d;
    }

    /** The {@code k} smallest (distance, index) pairs seen, in a binary max-heap. */
    private static final class Heap {
        private final double[] keys;
        private final int[] ids;
        private int size;

        Heap(int k) {
            keys = new double[k];
            ids = new int[k];
        }

        /** The distance a candidate must not exceed to enter: infinite until the heap is full. */
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
