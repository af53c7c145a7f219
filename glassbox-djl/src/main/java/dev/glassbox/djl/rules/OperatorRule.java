package dev.glassbox.djl.rules;

import dev.glassbox.djl.backprop.Rule;
import dev.glassbox.djl.graph.GraphNode;
import java.util.Set;

/** A rule that claims graph nodes by their ONNX operator type (a DJL ReLU block and an imported Relu node alike). */
abstract class OperatorRule implements Rule {
    private final Set<String> operators;

    OperatorRule(String... operators) {
        this.operators = Set.of(operators);
    }

    @Override
    public boolean appliesTo(GraphNode node) {
        return operators.contains(node.operator());
    }
}
