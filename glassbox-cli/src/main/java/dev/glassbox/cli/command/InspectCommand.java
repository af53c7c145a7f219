package dev.glassbox.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox inspect}: methods that look inside a model at a named layer — what a unit responds to, whether the
 * model uses a human concept, which units detect concepts, and which training examples made a prediction.
 */
@Command(name = "inspect", description = "Look inside a model: feature visualisation, concepts, influence.",
        mixinStandardHelpOptions = true, subcommands = {VisualizeCommand.class, DreamCommand.class, ExamplesCommand.class,
            TcavCommand.class, TcavExperimentCommand.class, DissectCommand.class, InfluenceCommand.class})
public final class InspectCommand implements Runnable {
    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
