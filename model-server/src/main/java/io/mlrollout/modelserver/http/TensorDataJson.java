package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.mlrollout.modelserver.inference.HalfFloat;
import io.mlrollout.modelserver.inference.TensorData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes tensor elements as the protocol's flat JSON "data" array: numbers (unsigned types as
 * unsigned, FP16 widened to float), true/false for BOOL, strings for BYTES.
 *
 * <p>JSON has no NaN or infinities. A model may still produce them (a log of zero, a division by
 * zero), so such elements are written as {@code null}: the answer stays valid JSON, and numpy,
 * which v2 clients use to read data arrays, turns {@code null} in a float array back into NaN.
 * Which non-finite value it was is lost; clients that need it ask for binary data, which carries
 * every bit. Refusing the whole answer would hide the finite values of every other row.
 */
final class TensorDataJson extends StdSerializer<TensorData> {

    TensorDataJson() {
        super(TensorData.class);
    }

    @Override
    public void serialize(TensorData data, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartArray(data, data.length());
        if (data.type().isFixedWidth()) {
            ByteBuffer elements = data.littleEndianBytes();
            for (int i = 0; i < data.length(); i++) {
                writeElement(elements, data, i, out);
            }
        } else {
            for (byte[] value : data.byteStrings()) {
                out.writeString(new String(value, StandardCharsets.UTF_8));
            }
        }
        out.writeEndArray();
    }

    private static void writeElement(ByteBuffer elements, TensorData data, int index, JsonGenerator out) throws IOException {
        int at = index * data.type().byteSize();
        switch (data.type()) {
            case BOOL -> out.writeBoolean(elements.get(at) != 0);
            case UINT8 -> out.writeNumber(Byte.toUnsignedInt(elements.get(at)));
            case INT8 -> out.writeNumber(elements.get(at));
            case UINT16 -> out.writeNumber(Short.toUnsignedInt(elements.getShort(at)));
            case INT16 -> out.writeNumber(elements.getShort(at));
            case UINT32 -> out.writeNumber(Integer.toUnsignedLong(elements.getInt(at)));
            case INT32 -> out.writeNumber(elements.getInt(at));
            case UINT64 -> out.writeNumber(Long.toUnsignedString(elements.getLong(at)));
            case INT64 -> out.writeNumber(elements.getLong(at));
            case FP16 -> writeFloat(HalfFloat.toFloat(elements.getShort(at)), out);
            case FP32 -> writeFloat(elements.getFloat(at), out);
            case FP64 -> writeDouble(elements.getDouble(at), out);
            default -> throw new IllegalStateException(data.type() + " is not fixed-width");
        }
    }

    private static void writeFloat(float value, JsonGenerator out) throws IOException {
        if (Float.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeNull();
        }
    }

    private static void writeDouble(double value, JsonGenerator out) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeNull();
        }
    }
}
