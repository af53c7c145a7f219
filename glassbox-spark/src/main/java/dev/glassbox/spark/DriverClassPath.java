package dev.glassbox.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The driver's class path as a list of absolute jar paths, with the {@code Class-Path} of an executable jar's manifest
 * expanded (run as {@code java -jar glassbox-cli.jar}, the class path names only that jar): what executors on the same
 * host, or on hosts with the same files, need.
 */
final class DriverClassPath {
    private DriverClassPath() {
    }

    /** The class path, separated by the platform's separator. */
    static String get() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            out.add(path.toString());
            if (entry.endsWith(".jar")) {
                out.addAll(manifestClassPath(path));
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String relative : classPath.trim().split("\\s+")) {
                    out.add(jar.getParent().resolve(relative).toAbsolutePath().normalize().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
        return out;
    }
}
