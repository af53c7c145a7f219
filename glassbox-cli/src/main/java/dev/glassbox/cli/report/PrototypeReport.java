package dev.glassbox.cli.report;

import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.interpretable.PrototypeVote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows prototype votes: for each input its prediction and its top prototypes, each drawn as the training image
 * nearest to it, with its weight and its contribution to the predicted class's score; and the same as JSON.
 */
public final class PrototypeReport {
    private PrototypeReport() {
    }

    /** Adds a table of the inputs' votes to {@code report} and returns them as JSON rows. */
    public static List<Map<String, Object>> write(List<Sample> inputs, List<PrototypeVote> votes, LabelledImages prototypes,
            List<String> classes, int top, HtmlReport report) {
        List<HtmlReport.Row> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PrototypeVote vote = votes.get(i);
            int predicted = vote.predicted();
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Picture(ImageWriter.toPng(inputs.get(i)),
                    inputs.get(i).name(), 56), new HtmlReport.Text(classes.get(predicted))));
            List<Map<String, Object>> topJson = new ArrayList<>();
            for (int j : vote.top(top)) {
                cells.add(new HtmlReport.Picture(ImageWriter.toPng(prototypes.image(j), prototypes.shape()),
                        "prototype " + j, 56));
                cells.add(new HtmlReport.Text(String.format(Locale.ROOT, "#%d (%s): weight %.3f, adds %+.3f",
                        j, classes.get(prototypes.label(j)), vote.weights()[j], vote.contribution(j, predicted))));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("prototype", j);
                entry.put("imageLabel", prototypes.label(j));
                entry.put("weight", vote.weights()[j]);
                entry.put("contribution", vote.contribution(j, predicted));
                entry.put("scoreWithout", vote.scoreWithout(j, predicted));
                topJson.add(entry);
            }
            rows.add(new HtmlReport.Row(cells, false));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", inputs.get(i).name());
            entry.put("predicted", predicted);
            entry.put("predictedName", classes.get(predicted));
            entry.put("score", vote.scores()[predicted]);
            entry.put("voteError", vote.voteError());
            entry.put("top", topJson);
            json.add(entry);
        }
        List<String> headers = new ArrayList<>(List.of("input", "predicted"));
        for (int k = 1; k <= top; k++) {
            headers.add("prototype " + k);
            headers.add("its vote");
        }
        report.table(headers, rows);
        return json;
    }

    /** The largest difference between a vote recomputed from its weights and the network's score. */
    public static double maxVoteError(List<PrototypeVote> votes) {
        return votes.stream().mapToDouble(PrototypeVote::voteError).max().orElse(0);
    }
}
