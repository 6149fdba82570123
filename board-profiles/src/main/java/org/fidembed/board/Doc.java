// The merged TOML tree of one profile (all layers applied) with, for every key, the file that set it last,
// so that every validation error can name the file and the key at fault.
package org.fidembed.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

final class Doc {
    private final ObjectNode root;
    private final Map<String, String> provenance;
    private final String top;
    private final List<String> layers;

    Doc(ObjectNode root, Map<String, String> provenance, String top, List<String> layers) {
        this.root = root;
        this.provenance = provenance;
        this.top = top;
        this.layers = List.copyOf(layers);
    }

    List<String> layers() { return layers; }

    /** The node at a dotted path, or null. */
    JsonNode node(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject()) return null;
            n = n.get(part);
        }
        return n;
    }

    boolean has(String path) { return node(path) != null; }

    /** The file that set a key (or the nearest table above it); the requested file if none did. */
    String fileOf(String path) {
        String p = path;
        while (true) {
            String f = provenance.get(p);
            if (f != null) return f;
            int dot = p.lastIndexOf('.');
            if (dot < 0) return top;
            p = p.substring(0, dot);
        }
    }

    ProfileException error(String path, String detail) { return new ProfileException(fileOf(path), path, detail); }

    /** Of several keys, the one set by the latest layer (the likeliest culprit of a conflict between them). */
    String latest(String... paths) {
        String best = paths[0];
        int bestIndex = -1;
        for (String p : paths) {
            int i = layers.indexOf(fileOf(p));
            if (i > bestIndex) {
                bestIndex = i;
                best = p;
            }
        }
        return best;
    }

    ProfileException missing(String path) {
        List<String> chain = new ArrayList<>(layers);
        java.util.Collections.reverse(chain);
        return new ProfileException(top, path, "missing: set it in this file or in one it inherits (" + String.join(", ", chain) + ")");
    }

    JsonNode require(String path) {
        JsonNode n = node(path);
        if (n == null) throw missing(path);
        return n;
    }

    String string(String path) {
        JsonNode n = require(path);
        if (!n.isTextual()) throw error(path, "expected a string, found " + describe(n));
        return n.textValue();
    }

    Optional<String> optString(String path) { return has(path) ? Optional.of(string(path)) : Optional.empty(); }

    boolean bool(String path) {
        JsonNode n = require(path);
        if (!n.isBoolean()) throw error(path, "expected true or false, found " + describe(n));
        return n.booleanValue();
    }

    boolean optBool(String path, boolean dflt) { return has(path) ? bool(path) : dflt; }

    /** An integer in [min, max]; {@code what} completes "expected ..." (e.g. "an integer address"). */
    long integer(String path, String what, long min, long max) {
        JsonNode n = require(path);
        return integerValue(path, n, what, min, max);
    }

    long integerValue(String path, JsonNode n, String what, long min, long max) {
        if (!n.isIntegralNumber()) throw error(path, "expected " + what + ", found " + describe(n));
        BigInteger v = n.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0)
            throw error(path, "expected " + what + " in [" + show(min) + ", " + show(max) + "], found " + v);
        return v.longValue();
    }

    long address(String path) { return integer(path, "an integer address", 0, 0xFFFF_FFFFL); }

    long positive(String path, String what) { return integer(path, what, 1, 0xFFFF_FFFFL); }

    List<String> strings(String path) {
        JsonNode n = require(path);
        if (!n.isArray()) throw error(path, "expected an array of strings, found " + describe(n));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) throw error(path, "element " + i + ": expected a string, found " + describe(e));
            out.add(e.textValue());
        }
        return out;
    }

    List<String> optStrings(String path) { return has(path) ? strings(path) : List.of(); }

    ObjectNode table(String path) {
        JsonNode n = path.isEmpty() ? root : require(path);
        if (!n.isObject()) throw error(path, "expected a table, found " + describe(n));
        return (ObjectNode) n;
    }

    Optional<ObjectNode> optTable(String path) { return has(path) ? Optional.of(table(path)) : Optional.empty(); }

    /** Rejects keys of a table that are not in {@code known}, naming the file that introduced each. */
    void allowOnly(String path, Collection<String> known) {
        ObjectNode t = table(path);
        for (Map.Entry<String, JsonNode> e : t.properties()) {
            if (!known.contains(e.getKey())) {
                String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String where = path.isEmpty() ? "top-level keys" : "keys of [" + path + "]";
                String guess = org.fidembed.diag.Suggest.closest(e.getKey(), known).map(g -> "did you mean '" + g + "'? ").orElse("");
                throw error(key, "unknown key (" + guess + "known " + where + ": " + String.join(", ", known) + ")");
            }
        }
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) return "the string \"" + n.textValue() + "\"";
        if (n.isBoolean()) return n.booleanValue() ? "true" : "false";
        if (n.isIntegralNumber()) return "the integer " + n.bigIntegerValue();
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isArray()) return "an array";
        if (n.isObject()) return "a table";
        return "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static String show(long v) { return v > 0xFFFF ? String.format("0x%X", v) : Long.toString(v); }

    /** The string at path, which must not be blank. */
    String nonEmpty(String path) {
        String s = string(path);
        if (s.isBlank()) throw error(path, "must not be empty");
        return s;
    }

    /** The value of values whose id is the string at path. */
    <E> E choice(String path, E[] values, Function<E, String> id) {
        String s = string(path);
        List<String> ids = new ArrayList<>();
        for (E v : values) {
            if (id.apply(v).equals(s)) return v;
            ids.add("\"" + id.apply(v) + "\"");
        }
        throw error(path, "expected one of " + String.join(", ", ids) + ", found \"" + s + "\"");
    }
}
