package dev.glassbox.cli.option;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.djl.inspect.Objective;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which objectives an inspect command reads: units of one layer ({@code --layer --units}) or one {@code --objective}. */
public final class UnitArguments {
    @Option(names = "--layer", paramLabel = "L", description = "The layer whose units to inspect (see glassbox layers).")
    public String layer;

    @Option(names = "--units", paramLabel = "LIST", description = "Channels (units of a flat layer) of --layer: e.g. "
            + "0-3 or 0,5,7 (default: ${DEFAULT-VALUE}).")
    public String units = "0";

    @Option(names = "--objective", paramLabel = "TEXT", description = "Instead of --layer: an objective such as "
            + "relu5:3 (channel), relu5:3@2,2 (one unit), relu5 (the layer's mean squared activation), class:2 "
            + "(a logit), or a weighted sum: relu5:3 + 0.5*class:2.")
    public String objective;

    /** One objective per unit of {@code --layer}, or the one {@code --objective}. */
    public List<Objective> objectives() {
        if ((objective == null) == (layer == null)) {
            throw new InvalidInputException("give either --layer (with --units) or --objective");
        }
        if (objective != null) {
            return List.of(Objective.parse(objective));
        }
        List<Objective> out = new ArrayList<>();
        for (int unit : parseUnits(units)) {
            out.add(Objective.channel(layer, unit));
        }
        return out;
    }

    /** Reads {@code 0-3}, {@code 0,5,7} or a mix of both. */
    public static List<Integer> parseUnits(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.strip().split("-");
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (range.length > 2 || from < 0 || to < from) {
                    throw new NumberFormatException();
                }
                for (int u = from; u <= to; u++) {
                    out.add(u);
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException("bad --units '" + text + "': expected indices ≥ 0 and ranges such as "
                        + "0-3 or 0,5,7");
            }
        }
        return out;
    }
}
