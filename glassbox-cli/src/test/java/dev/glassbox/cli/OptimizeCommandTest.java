package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {
    @TempDir
    Path dir;

    private static JsonObject history(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("history.json"))).getAsJsonObject();
    }

    @Test
    void optimisesABuiltInFunctionAndWritesHistoryAndPictures() throws IOException {
        Path out = dir.resolve("branin");
        Cli run = Cli.run("optimize", "--function", "branin", "--budget", "12", "--seed", "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("best value");
        JsonObject history = history(out);
        assertThat(history.getAsJsonArray("evaluations")).hasSize(12);
        assertThat(history.getAsJsonObject("objective").get("function").getAsString()).isEqualTo("branin");
        double best = history.getAsJsonObject("best").get("value").getAsDouble();
        double smallest = Double.POSITIVE_INFINITY;
        for (var e : history.getAsJsonArray("evaluations")) {
            smallest = Math.min(smallest, e.getAsJsonObject().get("value").getAsDouble());
        }
        assertThat(best).isEqualTo(smallest);
        assertThat(ImageIO.read(out.resolve("convergence.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("posterior.png").toFile()).getWidth()).isGreaterThan(600);

        Path again = dir.resolve("again");
        Cli.run("optimize", "--function", "branin", "--budget", "12", "--seed", "3", "--out", again.toString());
        assertThat(history(again).get("evaluations")).isEqualTo(history.get("evaluations"));
    }

    @Test
    void optimisesACommandThatReadsThePointOnStandardInput() throws IOException {
        Path out = dir.resolve("command");
        // a box below zero: its bounds start with a minus sign and are still read as --bounds' value
        Cli run = Cli.run("optimize", "--command", "awk '{print ($1 + 0.3) ^ 2 + 1}'", "--bounds", "-1:0",
                "--budget", "10", "--acquisition", "lcb", "--kappa", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject history = history(out);
        assertThat(history.getAsJsonObject("best").get("value").getAsDouble()).isLessThan(1.01);
        assertThat(history.getAsJsonObject("settings").get("acquisition").getAsString()).isEqualTo("lcb");
        assertThat(Files.exists(out.resolve("posterior.png"))).isTrue();
        Cli attached = Cli.run("optimize", "--command", "awk '{print ($1 + 0.3) ^ 2 + 1}'", "--bounds=-1:0",
                "--budget", "3", "--out", dir.resolve("attached").toString());
        assertThat(attached.exitCode()).as(attached.err()).isZero();
    }

    @Test
    void aResumedRunContinuesAsTheUninterruptedRunWould() throws IOException {
        Path whole = dir.resolve("whole");
        Path first = dir.resolve("first");
        Path rest = dir.resolve("rest");
        String[] common = {"optimize", "--function", "six-hump-camel", "--initial-design", "sobol", "--initial", "4",
            "--seed", "5"};
        assertThat(Cli.run(concat(common, "--budget", "9", "--out", whole.toString())).exitCode()).isZero();
        assertThat(Cli.run(concat(common, "--budget", "6", "--out", first.toString())).exitCode()).isZero();
        Cli resumed = Cli.run("optimize", "--resume", first.resolve("history.json").toString(), "--budget", "9",
                "--out", rest.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(history(rest).get("evaluations")).isEqualTo(history(whole).get("evaluations"));
        assertThat(history(rest).getAsJsonObject("settings").get("initialDesign").getAsString()).isEqualTo("sobol");

        Cli twice = Cli.run("optimize", "--resume", first.resolve("history.json").toString(), "--seed", "6",
                "--out", rest.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("leave out --seed");
    }

    @Test
    void aFailedEvaluationKeepsTheEvaluationsBeforeItForResume() throws IOException {
        Path counter = dir.resolve("count");
        String awk = "awk '{print ($1 - 0.3) ^ 2 + 1}'";
        String failsOnTheFifth = "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '"
                + counter + "'; if [ $n -le 4 ]; then " + awk + "; else echo nan; fi";
        Path broken = dir.resolve("broken");
        Cli run = Cli.run("optimize", "--command", failsOnTheFifth, "--bounds", "0:1", "--budget", "8", "--seed", "2",
                "--out", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("NaN").contains("the 4 evaluations before it are saved").contains("--resume");
        assertThat(history(broken).getAsJsonArray("evaluations")).hasSize(4);

        Path resumed = dir.resolve("resumed");
        Path whole = dir.resolve("whole");
        Cli again = Cli.run("optimize", "--resume", broken.resolve("history.json").toString(), "--command", awk,
                "--budget", "8", "--out", resumed.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        Cli.run("optimize", "--command", awk, "--bounds", "0:1", "--budget", "8", "--seed", "2", "--out",
                whole.toString());
        assertThat(history(resumed).get("evaluations")).isEqualTo(history(whole).get("evaluations"));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        Path out = dir.resolve("bad");
        String[][] cases = {
            {"--function", "branin", "--bounds", "10:-5,0:15"},
            {"--function", "sphere"},
            {"--command", "exit 3", "--bounds", "0:1"},
            {"--command", "echo hello", "--bounds", "0:1"},
            {"--command", "echo nan", "--bounds", "0:1"},
            {"--command", "echo 1"},
            {"--function", "branin", "--acquisition", "ucb"},
        };
        String[] expected = {"lower bound 10.0 must be below", "unknown function 'sphere'", "exit status 3",
            "printed 'hello'", "NaN", "--bounds", "unknown acquisition"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 5];
            args[0] = "optimize";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            args[args.length - 4] = "--budget";
            args[args.length - 3] = "3";
            args[args.length - 2] = "--out";
            args[args.length - 1] = out.toString();
            Cli run = Cli.run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(expected[i]);
        }
        assertThat(Files.exists(out)).isFalse();
    }
}
