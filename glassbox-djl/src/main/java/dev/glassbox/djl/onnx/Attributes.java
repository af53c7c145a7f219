package dev.glassbox.djl.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the attributes of one ONNX node, with defaults for those it leaves out. */
public final class Attributes {
    private final Map<String, OnnxMl.AttributeProto> byName = new HashMap<>();

    /** The attributes of {@code node}. */
    public Attributes(OnnxMl.NodeProto node) {
        for (OnnxMl.AttributeProto attribute : node.getAttributeList()) {
            byName.put(attribute.getName(), attribute);
        }
    }

    /** Whether the node sets {@code name}. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** An integer attribute, or {@code fallback}. */
    public long getInt(String name, long fallback) {
        OnnxMl.AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getI();
    }

    /** A float attribute, or {@code fallback}. */
    public float getFloat(String name, float fallback) {
        OnnxMl.AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getF();
    }

    /** A string attribute, or {@code fallback}. */
    public String getString(String name, String fallback) {
        OnnxMl.AttributeProto a = byName.get(name);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    /** An integer list attribute, or {@code null} when absent. */
    public long[] getInts(String name) {
        OnnxMl.AttributeProto a = byName.get(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A float list attribute, or {@code null} when absent. */
    public float[] getFloats(String name) {
        OnnxMl.AttributeProto a = byName.get(name);
        if (a == null) {
            return null;
        }
        List<Float> values = a.getFloatsList();
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** A tensor attribute, or {@code null} when absent. */
    public OnnxMl.TensorProto getTensor(String name) {
        OnnxMl.AttributeProto a = byName.get(name);
        return a == null ? null : a.getT();
    }
}
