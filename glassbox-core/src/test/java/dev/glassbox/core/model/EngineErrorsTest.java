package dev.glassbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineErrorsTest {

    @Test
    void theDeepestMessagesFirstLineIsKept() {
        Exception e = new IllegalStateException("outer", new RuntimeException("shape mismatch\n  at native frame 1"));
        assertThat(EngineErrors.firstLine(e)).isEqualTo("shape mismatch");
        assertThat(EngineErrors.firstLine(new RuntimeException())).isEqualTo("RuntimeException");
    }

    @Test
    void aTorchScriptTracebackGivesItsLastLineTheCause() {
        String traceback = EngineErrors.TORCHSCRIPT_HEADER + "\nTraceback of TorchScript, serialized code (most "
                + "recent call last):\n  File \"code/__torch__.py\", line 18, in forward\n    x0 = torch.relu(x)\n\n"
                + "RuntimeError: Expected 4-dimensional input for 4-dimensional weight [12, 1, 5, 5], but got "
                + "5-dimensional input of size [1, 1, 1, 28, 28] instead\n";
        assertThat(EngineErrors.firstLine(new RuntimeException(traceback))).isEqualTo("RuntimeError: Expected "
                + "4-dimensional input for 4-dimensional weight [12, 1, 5, 5], but got 5-dimensional input of size "
                + "[1, 1, 1, 28, 28] instead");
    }
}
