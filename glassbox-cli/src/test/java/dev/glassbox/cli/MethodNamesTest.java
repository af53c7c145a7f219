package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.explain.catalogue.MethodCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's method names are the library catalogue's, and its help lists every one. */
class MethodNamesTest {
    @Test
    void theCatalogueHoldsTheGradientAndThePerturbationMethods() {
        assertThat(MethodCatalogue.standard().names()).containsExactly("saliency", "ixg", "smoothgrad",
                "smoothgrad-sq", "vargrad", "ig", "deeplift", "guided-backprop", "deconvnet", "lrp-0", "lrp-epsilon",
                "lrp-gamma", "lrp-alphabeta", "lrp-composite", "cam", "gradcam", "guided-gradcam", "extremal", "meaningful", "occlusion",
                "ablation", "lime", "kernel-shap", "shapley-sampling", "shapley-exact", "sis", "pda");
    }

    @Test
    void explainHelpNamesEveryMethodOfTheCatalogue() {
        Cli help = Cli.run("explain", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        for (String name : MethodCatalogue.standard().names()) {
            assertThat(text).as(name).containsPattern("[ ,:]" + java.util.regex.Pattern.quote(name) + "[ ,.(;]");
        }
    }

    @Test
    void anUnknownMethodListsTheCataloguesNames(@TempDir Path dir) throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "a,b,c,d\n0.5,-1.5,2,0.25\n");
        Cli result = Cli.run("explain", "--model", Cli.fixture("linear.onnx").toString(), "--input-shape", "4",
                "--input", rows.toString(), "--method", "nonesuch", "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown method 'nonesuch': expected one of saliency");
    }
}
