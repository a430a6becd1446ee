package cn.gov.jieyang.talent.signing.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the reports and summaries this library emits, and a reader for the one
 * JSON input it takes, audit exports (one object a line). Keeping it here avoids a JSON library on the
 * auditors' class path.
 */
public final class Json {

    private Json() {
    }

    /**
     * Writes maps (objects, in iteration order), lists, strings, numbers, booleans and nulls.
     *
     * @param value the value
     * @return its JSON text, pretty-printed with two-space indents
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    /**
     * Writes a value on one line, without spaces (JSON Lines).
     *
     * @param value maps, lists, strings, numbers, booleans and nulls
     * @return its JSON text, without a line feed
     */
    public static String writeLine(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, -1);
        return b.toString();
    }

    /**
     * Reads one JSON value: objects become maps in their order, arrays lists, numbers
     * {@link java.math.BigDecimal}, and {@code true}, {@code false}, {@code null} what they say.
     *
     * @param text the text, with nothing after the value but white space
     * @return the value
     * @throws IllegalArgumentException when the text is not JSON (or nests deeper than 32)
     */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        Object value = r.value(0);
        r.end();
        return value;
    }

    private static void write(StringBuilder b, Object value, int depth) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(b, map, depth);
        } else if (value instanceof List<?> list) {
            writeArray(b, list, depth);
        } else if (value instanceof Number || value instanceof Boolean) {
            b.append(value);
        } else {
            quote(b, value.toString());
        }
    }

    private static void writeObject(StringBuilder b, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            b.append("{}");
            return;
        }
        if (depth < 0) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                quote(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue(), -1);
                sep = ",";
            }
            b.append('}');
            return;
        }
        b.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            indent(b, depth + 1);
            quote(b, String.valueOf(e.getKey()));
            b.append(": ");
            write(b, e.getValue(), depth + 1);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append('}');
    }

    private static void writeArray(StringBuilder b, List<?> list, int depth) {
        if (list.isEmpty()) {
            b.append("[]");
            return;
        }
        if (depth < 0) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ",");
                write(b, list.get(i), -1);
            }
            b.append(']');
            return;
        }
        b.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            indent(b, depth + 1);
            write(b, list.get(i), depth + 1);
            b.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append(']');
    }

    private static void indent(StringBuilder b, int depth) {
        b.append("  ".repeat(depth));
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // Escape controls and the line separators some JavaScript parsers choke on.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
