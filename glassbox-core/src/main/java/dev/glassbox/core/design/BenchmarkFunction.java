package dev.glassbox.core.design;

import dev.glassbox.core.InvalidInputException;

/**
 * Standard test functions for global optimisation with their usual boxes and known global minima (values as listed
 * by Surjanovic and Bingham's Virtual Library of Simulation Experiments).
 */
public enum BenchmarkFunction {
    /** Forrester et al. (2008), 1-D on [0, 1]: {@code (6x − 2)² sin(12x − 4)}; minimum −6.02074 at 0.75725. */
    FORRESTER("forrester", new Box(new double[] {0}, new double[] {1}), -6.020740055767083) {
        @Override
        double evaluate(double[] x) {
            double t = 6 * x[0] - 2;
            return t * t * Math.sin(12 * x[0] - 4);
        }
    },
    /** Branin–Hoo on [−5, 10] × [0, 15]: three global minima of 0.397887. */
    BRANIN("branin", new Box(new double[] {-5, 0}, new double[] {10, 15}), 0.39788735772973816) {
        @Override
        double evaluate(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    /** Six-hump camel on [−3, 3] × [−2, 2]: two global minima of −1.031628 at ±(0.0898, −0.7126). */
    SIX_HUMP_CAMEL("six-hump-camel", new Box(new double[] {-3, -2}, new double[] {3, 2}), -1.0316284534898774) {
        @Override
        double evaluate(double[] x) {
            double a = x[0] * x[0];
            double b = x[1] * x[1];
            return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * b) * b;
        }
    },
    /** Rosenbrock in 2-D on [−2, 2] × [−1, 3]: a curved valley, minimum 0 at (1, 1). */
    ROSENBROCK("rosenbrock", new Box(new double[] {-2, -1}, new double[] {2, 3}), 0) {
        @Override
        double evaluate(double[] x) {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            return a * a + 100 * b * b;
        }
    },
    /** Ackley in 2-D on [−32.768, 32.768]²: many local minima around a global minimum of 0 at the origin. */
    ACKLEY("ackley", new Box(new double[] {-32.768, -32.768}, new double[] {32.768, 32.768}), 0) {
        @Override
        double evaluate(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
        }
    },
    /** Hartmann's 6-D function on [0, 1]^6: minimum −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
    HARTMANN6("hartmann6", new Box(new double[6], new double[] {1, 1, 1, 1, 1, 1}), -3.322368011415515) {
        private final double[] alpha = {1.0, 1.2, 3.0, 3.2};
        private final double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
        private final double[][] p = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
            {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991}, {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
            {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        double evaluate(double[] x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double diff = x[j] - p[i][j];
                    inner += a[i][j] * diff * diff;
                }
                sum += alpha[i] * Math.exp(-inner);
            }
            return -sum;
        }
    };

    private final String id;
    private final Box box;
    private final double minimum;

    BenchmarkFunction(String id, Box box, double minimum) {
        this.id = id;
        this.box = box;
        this.minimum = minimum;
    }

    abstract double evaluate(double[] x);

    /** The value at {@code x}, which must have {@link #dimensions()} coordinates. */
    public double value(double[] x) {
        if (x.length != box.dimensions()) {
            throw new InvalidInputException(id + " takes " + box.dimensions() + " values, got " + x.length);
        }
        return evaluate(x);
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** The usual search box. */
    public Box box() {
        return box;
    }

    /** The global minimum. */
    public double minimum() {
        return minimum;
    }

    /** The number of inputs. */
    public int dimensions() {
        return box.dimensions();
    }

    /** The function named {@code id}. */
    public static BenchmarkFunction of(String id) {
        StringBuilder known = new StringBuilder();
        for (BenchmarkFunction f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
            known.append(known.length() == 0 ? "" : ", ").append(f.id);
        }
        throw new InvalidInputException("unknown function '" + id + "': expected one of " + known);
    }
}
