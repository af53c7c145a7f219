package dev.glassbox.cli.option;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.Channels;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.InputFiles;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say which inputs to read and how to turn images into tensors. */
public final class InputArguments {
    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "I",
            description = "Input files: PNG/JPEG images, .npy arrays (one sample or a batch), CSV with a header "
                    + "(or without one, with --no-header).")
    public List<Path> inputs;

    @Option(names = "--no-header", description = "CSV files have no header row: their first line is data, and the "
            + "columns are named c0, c1, … (a CSV whose first line is all numbers is refused without this option).")
    public boolean noHeader;

    @Option(names = "--channels", paramLabel = "auto|grey|rgb",
            description = "How to read images (default: as many channels as the model expects).")
    public String channels;

    @Option(names = "--mean", split = ",", paramLabel = "M", description = "Per-channel mean subtracted from images.")
    public float[] mean;

    @Option(names = "--std", split = ",", paramLabel = "S", description = "Per-channel standard deviation images are divided by.")
    public float[] std;

    /** Reads every input, checked against {@code expected} when it is known. */
    public List<Sample> read(Shape expected) {
        ImageOptions options = imageOptions(expected);
        List<Sample> samples = new ArrayList<>();
        for (Path input : inputs) {
            samples.addAll(InputFiles.read(input, expected, options, !noHeader));
        }
        return samples;
    }

    private ImageOptions imageOptions(Shape expected) {
        ImageOptions options = ImageOptions.of(channelsFor(expected));
        if (mean == null && std == null) {
            return options;
        }
        if (mean == null || std == null) {
            throw new InvalidInputException("--mean and --std go together: give both or neither");
        }
        return options.normalised(mean, std);
    }

    private Channels channelsFor(Shape expected) {
        if (channels != null) {
            return Channels.parse(channels);
        }
        if (expected != null && expected.rank() == 3) {
            return switch (expected.dim(0)) {
                case 1 -> Channels.GREY;
                case 3 -> Channels.RGB;
                default -> Channels.AUTO;
            };
        }
        return Channels.AUTO;
    }

    /** The first sample of the first input, read as it is (its shape tells a shapeless model what to expect). */
    public Sample readFirst() {
        return InputFiles.read(inputs.get(0), null, imageOptions(null), !noHeader).get(0);
    }

    /** The samples as model rows. */
    public static float[][] rows(List<Sample> samples) {
        return samples.stream().map(Sample::values).toArray(float[][]::new);
    }
}
