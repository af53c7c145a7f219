package dev.glassbox.spark;

import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.input.TabularData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The breast-cancer fixtures (scripts/make_spark_fixtures.py) and a loopback Spark session for the tests. */
final class SparkFixtures {
    private SparkFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(SparkFixtures.class.getResource("/tabular/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path model() {
        return resource("cancer.pt");
    }

    static Path table() {
        return resource("cancer.csv");
    }

    static TabularData background() {
        return CsvReader.read(resource("background.csv"));
    }

    /** The 30 feature columns of the table, in the model's order. */
    static List<String> features() {
        return background().columns();
    }

    /** A session on {@code master} bound to loopback, without a UI. */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("glassbox-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
