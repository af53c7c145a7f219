package dev.glassbox.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone master and two one-core workers on loopback, started as separate JVMs from this JVM's class path
 * (no Spark distribution: a {@code SPARK_HOME} whose {@code jars/} links to the Spark jars on the class path), on free
 * ports, and stopped with every executor they started when closed.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;
    private final int masterUiPort;

    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName().toString()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName().toString()), jar.toAbsolutePath());
            }
        }
        masterPort = freePort();
        masterUiPort = freePort();
        try {
            start(dir.resolve("master.log"), home, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
            for (int w = 0; w < workers; w++) {
                start(dir.resolve("worker" + w + ".log"), home, "org.apache.spark.deploy.worker.Worker", master(),
                        "--host", "127.0.0.1", "--port", String.valueOf(freePort()), "--webui-port",
                        String.valueOf(freePort()), "--cores", "1", "--memory", "1g", "--work-dir",
                        Files.createDirectories(dir.resolve("work" + w)).toString());
            }
            awaitWorkers(workers, Duration.ofSeconds(240));
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The master's URL. */
    String master() {
        return "spark://127.0.0.1:" + masterPort;
    }

    private void start(Path log, Path home, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("ONEDNN_MAX_CPU_ISA", "SSE41");
        processes.add(builder.start());
    }

    /** Waits until the master's status page lists {@code count} alive workers. */
    private void awaitWorkers(int count, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with " + p.exitValue());
                }
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"aliveworkers\":" + count)) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the standalone cluster did not register " + count + " workers in " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the workers (and their executors) and the master, newest first. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
