package dev.glassbox.cli.command;

import com.google.gson.GsonBuilder;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.GraphModel;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.onnx.OnnxModel;
import dev.glassbox.djl.graph.GraphNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox layers}: the nodes of a model whose graph glassbox holds (an ONNX file, a DJL model), each with its
 * operator, output tensor names and the shape of one sample's output, in forward order — the names {@code --layer}
 * takes (a node's name or any of its tensors' names).
 */
@Command(name = "layers", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List a model's layers (nodes): name, operator, output tensors and output shape for one input.")
public final class LayersCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Option(names = "--json", description = "Print JSON: one object per node.")
    public boolean json;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!model.knowsItsShape()) {
            throw new InvalidInputException("the model file does not record its input shape: give --input-shape");
        }
        try (Model loaded = model.load(null)) {
            List<Map<String, Object>> rows = describe(loaded);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(rows));
            } else {
                out.printf("%s, input %s%n", loaded, loaded.inputShape());
                for (Map<String, Object> row : rows) {
                    out.printf("%-40s %-20s %-14s %s%n", row.get("name"), row.get("operator"), row.get("shape"),
                            String.join(", ", castList(row.get("outputs"))));
                }
            }
            out.flush();
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static List<Map<String, Object>> describe(Model loaded) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (loaded instanceof GraphModel graph) {
            Map<String, Shape> shapes = graph.layerShapes();
            for (GraphNode node : graph.graph().nodes()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", node.name());
                row.put("operator", node.operator());
                Shape shape = shapes.get(node.name());
                row.put("shape", shape == null ? "(no batch axis)" : shape.toString());
                row.put("outputs", node.outputs());
                rows.add(row);
            }
            return rows;
        }
        if (loaded instanceof LayeredModel layered && !layered.layerNames().isEmpty()) {
            for (String name : layered.layerNames()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("operator", "split");
                row.put("shape", layered.layerGradient(new float[1][loaded.inputShape().size()], name,
                        new float[1][loaded.outputSize()]).shape().toString());
                row.put("outputs", List.of(name));
                rows.add(row);
            }
            return rows;
        }
        String why = loaded instanceof OnnxModel onnx && onnx.importFailure() != null ? ": " + onnx.importFailure() : "";
        throw new InvalidInputException(loaded + " has no layers glassbox can reach" + why);
    }
}
