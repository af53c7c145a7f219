package dev.glassbox.djl.rules;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Float views of the engine's own memory, for rules whose arithmetic would take many passes over the activations
 * as separate array operations (DeepLIFT's multipliers): one loop reads the arrays in place and writes the result
 * into a fresh array. On PyTorch, contiguous CPU arrays are viewed without a copy (others are copied to a contiguous
 * array first), and a freshly created host array is written through its view.
 */
final class DirectFloats {
    private DirectFloats() {
    }

    /** A view of a float32 array's values in row-major order. */
    static FloatBuffer of(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("expected float32 activations, got " + array.getDataType());
        }
        return array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * A new float32 array shaped like {@code like}, on its device, whose values {@code writer} puts into a row-major
     * view; {@code zeroed} when the writer leaves some values out. The array is written in host memory, so arrays on
     * an accelerator are copied over once.
     */
    static NDArray written(NDArray like, boolean zeroed, Consumer<FloatBuffer> writer) {
        NDManager manager = like.getManager();
        NDArray host = zeroed ? manager.zeros(like.getShape(), DataType.FLOAT32, Device.cpu())
                : manager.create(like.getShape(), DataType.FLOAT32, Device.cpu());
        writer.accept(of(host));
        return host.toDevice(like.getDevice(), false);
    }

    /**
     * Runs {@code body} for every index below {@code count}, in parallel; each index must write only its own part of
     * the output, so the result does not depend on the thread count.
     */
    static void forEach(int count, IntConsumer body) {
        IntStream.range(0, count).parallel().forEach(body);
    }

    /** How many rows of {@code sampleSize} values a view holds, checked to be 1 or {@code rows}. */
    static int referenceRows(FloatBuffer reference, int sampleSize, int rows) {
        int referenceRows = reference.capacity() / sampleSize;
        if (referenceRows * sampleSize != reference.capacity() || (referenceRows != 1 && referenceRows != rows)) {
            throw new IllegalArgumentException("reference holds " + reference.capacity() + " values; expected one row of "
                    + sampleSize + " or " + rows + " rows");
        }
        return referenceRows;
    }
}
