package dev.glassbox.cli;

import dev.glassbox.cli.command.AttackCommand;
import dev.glassbox.cli.command.AttackExplanationCommand;
import dev.glassbox.cli.command.BenchCommand;
import dev.glassbox.cli.command.EmbedCommand;
import dev.glassbox.cli.command.ExplainCommand;
import dev.glassbox.cli.command.ExplainTableCommand;
import dev.glassbox.cli.command.ExtractCommand;
import dev.glassbox.cli.command.InspectCommand;
import dev.glassbox.cli.command.LayersCommand;
import dev.glassbox.cli.command.NeighboursCommand;
import dev.glassbox.cli.command.OptimizeCommand;
import dev.glassbox.cli.command.PredictCommand;
import dev.glassbox.cli.command.PrototypesCommand;
import dev.glassbox.cli.command.RegressionUncertaintyCommand;
import dev.glassbox.cli.command.SanityCommand;
import dev.glassbox.cli.command.SurrogateCommand;
import dev.glassbox.cli.command.TrainCommand;
import dev.glassbox.cli.command.UncertaintyCommand;
import dev.glassbox.cli.demo.DemoCommand;
import dev.glassbox.core.input.CsvReader;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.zoo.Training;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glassbox} command. Exit codes: 0 success, 2 bad usage or bad input (a one-line reason on stderr),
 * 1 internal failure.
 */
@Command(name = "glassbox", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "The trust toolkit for deep learning on the JVM: explain predictions, measure certainty, look at the data.",
        subcommands = {PredictCommand.class, ExplainCommand.class, ExplainTableCommand.class, AttackCommand.class,
            AttackExplanationCommand.class,
            ExtractCommand.class, LayersCommand.class, UncertaintyCommand.class, RegressionUncertaintyCommand.class,
            SanityCommand.class, EmbedCommand.class, InspectCommand.class, PrototypesCommand.class,
            NeighboursCommand.class, SurrogateCommand.class, OptimizeCommand.class, TrainCommand.class,
            DemoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class GlassboxCommand implements Runnable {
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Something broke inside glassbox or the engine. */
    public static final int INTERNAL_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on the standard streams and returns its exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new GlassboxCommand()).setOut(out).setErr(err)
                .setUnmatchedOptionsAllowedAsOptionParameters(false);
        cli.setExecutionExceptionHandler(GlassboxCommand::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("glassbox: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CsvReader.NumericHeaderException) {
            boolean option = cli.getCommandSpec().findOption("--no-header") != null;
            err.println("glassbox: " + e.getMessage() + (option ? ": if that line is data, pass --no-header (columns "
                    + "c0, c1, …); if it names the columns, give them names that are not numbers"
                    : ": give the file a header row of column names"));
            return BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException || e instanceof ModelLoadException
                || e instanceof Training.DivergedException) {
            err.println("glassbox: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("glassbox: internal failure: " + e);
        e.printStackTrace(err);
        return INTERNAL_FAILURE;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
