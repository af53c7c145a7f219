package dev.glassbox.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.explain.grouping.FeatureGrouping;
import dev.glassbox.core.explain.perturb.Background;
import dev.glassbox.core.explain.perturb.KernelShap;
import dev.glassbox.core.explain.perturb.PerturbationExplainer;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.FunctionModel;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributionWriterTest {
    private static final List<String> COLUMNS = List.of("income", "debt", "age");

    /** f(x) = 2·income − 3·debt + 0·age: Kernel SHAP against a zero background gives exactly w·x. */
    private static Attribution kernelShap(float[] row) {
        FunctionModel model = FunctionModel.ofScores(Shape.of(3), 1,
                batch -> java.util.Arrays.stream(batch).map(x -> new float[] {2 * x[0] - 3 * x[1]}).toArray(float[][]::new));
        return PerturbationExplainer.builder(model, KernelShap.builder().seed(1).build())
                .grouping(FeatureGrouping.columns(COLUMNS)).baseline(Background.of(new float[3])).build()
                .explain(row, Target.index(0));
    }

    @Test
    void aTabularKernelShapResultIsWrittenAsJsonAndAWaterfall(@TempDir Path dir) throws IOException {
        float[] row = {1.5f, 0.5f, 7f};
        Attribution a = kernelShap(row);
        byte[] png = AttributionWriter.write(dir, "applicant", a, new Sample("applicant.csv#1", Shape.of(3), row), null);

        JsonObject doc = JsonParser.parseString(Files.readString(dir.resolve("applicant.kernel-shap.json")))
                .getAsJsonObject();
        assertThat(doc.get("method").getAsString()).isEqualTo("kernel-shap");
        assertThat(doc.getAsJsonArray("values").get(0).getAsDouble()).isCloseTo(3.0, within(1e-5));
        assertThat(doc.getAsJsonArray("values").get(1).getAsDouble()).isCloseTo(-1.5, within(1e-5));
        assertThat(doc.getAsJsonArray("featureNames").get(2).getAsString()).isEqualTo("age");
        List<String> keys = new ArrayList<>(doc.getAsJsonObject("diagnostics").keySet());
        assertThat(keys).contains(Diagnostic.EXPECTED_VALUE.key(), Diagnostic.ADDITIVITY_ERROR.key()).isSorted();
        assertThat(a.diagnostic(Diagnostic.EXPECTED_VALUE).orElseThrow()).isCloseTo(0.0, within(1e-9));

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isGreaterThan(100);
        assertThat(Files.readAllBytes(dir.resolve("applicant.kernel-shap.png"))).isEqualTo(png);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "applicant.kernel-shap.json", "applicant.kernel-shap.png");
        }
    }

    @Test
    void theSameAttributionGivesTheSameBytes() {
        float[] row = {0.25f, -2f, 1f};
        Sample sample = new Sample("row", Shape.of(3), row);
        assertThat(AttributionWriter.json(kernelShap(row), "row", "approve"))
                .isEqualTo(AttributionWriter.json(kernelShap(row), "row", "approve"));
        assertThat(AttributionWriter.png(kernelShap(row), sample)).isEqualTo(AttributionWriter.png(kernelShap(row), sample));
    }
}
