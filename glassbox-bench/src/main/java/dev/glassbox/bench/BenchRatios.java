package dev.glassbox.bench;

import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GradientMethodsBenchmark} with JMH and prints each method's time over its baseline measured in the same
 * run: saliency, DeepLIFT and guided backprop over one raw gradient pass of the images, Integrated Gradients over one
 * raw gradient pass of its path points.
 */
public final class BenchRatios {
    private BenchRatios() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(GradientMethodsBenchmark.class.getSimpleName())
                .forks(1).warmupIterations(3).measurementIterations(5)
                .jvmArgsAppend("-Dai.djl.offline=true").build();
        Map<String, Double> ms = new TreeMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            ms.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        System.out.printf("%-22s %10s %12s %8s%n", "method", "ms", "baseline ms", "ratio");
        print(ms, "saliency", "rawGradientOfImages");
        print(ms, "deepLift", "rawGradientOfImages");
        print(ms, "guidedBackprop", "rawGradientOfImages");
        print(ms, "integratedGradients", "rawGradientOfPathPoints");
    }

    private static void print(Map<String, Double> ms, String method, String baseline) {
        System.out.printf("%-22s %10.2f %12.2f %8.2f%n", method, ms.get(method), ms.get(baseline),
                ms.get(method) / ms.get(baseline));
    }
}
