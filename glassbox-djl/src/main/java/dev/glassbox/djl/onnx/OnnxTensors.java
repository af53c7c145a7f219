package dev.glassbox.djl.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import dev.glassbox.core.model.ModelLoadException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** ONNX tensors and element types as NDArrays and DJL data types. DOUBLE becomes FLOAT32 throughout. */
public final class OnnxTensors {

    private OnnxTensors() {
    }

    /** The DJL type an ONNX element type is held in, or an error naming {@code where}. */
    public static DataType dataType(int onnxType, String where) {
        return switch (OnnxMl.TensorProto.DataType.forNumber(onnxType) == null ? OnnxMl.TensorProto.DataType.UNDEFINED
                : OnnxMl.TensorProto.DataType.forNumber(onnxType)) {
            case FLOAT, DOUBLE -> DataType.FLOAT32;
            case FLOAT16 -> DataType.FLOAT16;
            case INT64 -> DataType.INT64;
            case INT32 -> DataType.INT32;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case BOOL -> DataType.BOOLEAN;
            default -> throw new ModelLoadException("unsupported ONNX element type "
                    + OnnxMl.TensorProto.DataType.forNumber(onnxType) + " in " + where);
        };
    }

    /** An NDArray on {@code manager} holding {@code tensor}'s values (raw little-endian or typed fields). */
    public static NDArray toArray(OnnxMl.TensorProto tensor, NDManager manager, String where) {
        if (tensor.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL) {
            throw new ModelLoadException("tensor '" + tensor.getName() + "' in " + where
                    + " keeps its data in an external file, which is not supported");
        }
        long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
        Shape shape = new Shape(dims);
        int size = Math.toIntExact(shape.size());
        boolean raw = !tensor.getRawData().isEmpty();
        ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        OnnxMl.TensorProto.DataType type = OnnxMl.TensorProto.DataType.forNumber(tensor.getDataType());
        if (type == null) {
            throw new ModelLoadException("tensor '" + tensor.getName() + "' in " + where + " has an unknown type");
        }
        switch (type) {
            case FLOAT -> {
                float[] v = new float[size];
                if (raw) {
                    bytes.asFloatBuffer().get(v);
                } else {
                    copy(tensor.getFloatDataList(), v);
                }
                return manager.create(v, shape);
            }
            case DOUBLE -> {
                float[] v = new float[size];
                for (int i = 0; i < size; i++) {
                    v[i] = (float) (raw ? bytes.getDouble(8 * i) : tensor.getDoubleData(i));
                }
                return manager.create(v, shape);
            }
            case INT64 -> {
                long[] v = new long[size];
                for (int i = 0; i < size; i++) {
                    v[i] = raw ? bytes.getLong(8 * i) : tensor.getInt64Data(i);
                }
                return manager.create(v, shape);
            }
            case INT32 -> {
                int[] v = new int[size];
                for (int i = 0; i < size; i++) {
                    v[i] = raw ? bytes.getInt(4 * i) : tensor.getInt32Data(i);
                }
                return manager.create(v, shape);
            }
            case BOOL, UINT8, INT8 -> {
                byte[] v = new byte[size];
                for (int i = 0; i < size; i++) {
                    v[i] = raw ? bytes.get(i) : (byte) (int) tensor.getInt32Data(i);
                }
                if (type == OnnxMl.TensorProto.DataType.BOOL) {
                    boolean[] b = new boolean[size];
                    for (int i = 0; i < size; i++) {
                        b[i] = v[i] != 0;
                    }
                    return manager.create(b, shape);
                }
                return manager.create(java.nio.ByteBuffer.wrap(v), shape,
                        type == OnnxMl.TensorProto.DataType.UINT8 ? DataType.UINT8 : DataType.INT8);
            }
            default -> throw new ModelLoadException("unsupported element type " + type + " of tensor '"
                    + tensor.getName() + "' in " + where);
        }
    }

    /** A 1-D INT64 array of {@code values}. */
    public static NDArray longs(NDManager manager, long[] values) {
        return manager.create(values, new Shape(values.length));
    }

    /** {@code array}'s values as longs, whatever its numeric type. */
    public static long[] toLongs(NDArray array) {
        return array.getDataType() == DataType.INT64 ? array.toLongArray() : array.toType(DataType.INT64, false)
                .toLongArray();
    }

    /** {@code array}'s values as floats, whatever its numeric type. */
    public static float[] toFloats(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array.toFloatArray() : array.toType(DataType.FLOAT32, false)
                .toFloatArray();
    }

    private static void copy(List<Float> from, float[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] = from.get(i);
        }
    }
}
