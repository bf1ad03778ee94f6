package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as a Lua 5.1 table constructor, the shape Argo CD hands a health script: objects
 * become tables with string keys, arrays become sequences from 1, null fields are absent.
 */
final class LuaTable {

    private LuaTable() {
    }

    static String of(JsonNode node) {
        StringBuilder lua = new StringBuilder();
        write(node, lua);
        return lua.toString();
    }

    private static void write(JsonNode node, StringBuilder lua) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            lua.append("nil");
        } else if (node.isObject()) {
            lua.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    lua.append('[');
                    string(field.getKey(), lua);
                    lua.append("]=");
                    write(field.getValue(), lua);
                    lua.append(',');
                }
            }
            lua.append('}');
        } else if (node.isArray()) {
            lua.append('{');
            for (JsonNode element : node) {
                if (element.isNull()) {
                    throw new IllegalArgumentException("a null inside an array has no Lua sequence form: " + node);
                }
                write(element, lua);
                lua.append(',');
            }
            lua.append('}');
        } else if (node.isNumber()) {
            lua.append(node.isIntegralNumber() ? node.bigIntegerValue().toString() : Double.toString(node.doubleValue()));
        } else if (node.isBoolean()) {
            lua.append(node.booleanValue());
        } else {
            string(node.asText(), lua);
        }
    }

    /** A double-quoted Lua string; every byte outside printable ASCII as a decimal escape. */
    static void string(String text, StringBuilder lua) {
        lua.append('"');
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                lua.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                lua.append('\\').append(String.format("%03d", c));
            } else {
                lua.append((char) c);
            }
        }
        lua.append('"');
    }
}
