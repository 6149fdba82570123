// Finds and parses profile files, follows `inherits` (with cycle detection), merges the layers key by key
// (later layers win; tables merge recursively; arrays and values replace) and hands the result to TargetReader.
package org.fidembed.board;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class ProfileLoader {
    private static final TomlMapper TOML = new TomlMapper();
    static final String INHERITS = "inherits";
    static final String MEMORY_PROFILE = "memory-profile";
    static final String DEFAULT_MEMORY_PROFILE = "constrained";

    /** One parsed file; {@code id} identifies it for cycle detection, {@code dir} resolves relative references. */
    private record Layer(String label, String id, String name, ObjectNode root, Optional<Path> dir, boolean shipped) { }

    private ProfileLoader() { }

    /** Loads a shipped board by name. */
    static Target loadShipped(String name, Optional<String> memoryOverride) {
        return loadShipped(name, memoryOverride, Optional.empty());
    }

    /** Loads a shipped board by name, with a project's layer over it. */
    static Target loadShipped(String name, Optional<String> memoryOverride, Optional<ProfileLayer> project) {
        Layer leaf = shipped(Shipped.Kind.BOARD, name).orElseThrow(() -> unknownBoard(name));
        return load(leaf, memoryOverride, project);
    }

    /** Loads a user's board file. */
    static Target loadFile(Path file, Optional<String> memoryOverride) {
        return loadFile(file, memoryOverride, Optional.empty());
    }

    /** Loads a user's board file, with a project's layer over it. */
    static Target loadFile(Path file, Optional<String> memoryOverride, Optional<ProfileLayer> project) {
        return load(userFile(file, null, null), memoryOverride, project);
    }

    private static Target load(Layer leaf, Optional<String> memoryOverride, Optional<ProfileLayer> project) {
        List<Layer> boardChain = chain(leaf, false);
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Map<String, String> provenance = new HashMap<>();
        for (Layer l : boardChain) merge(merged, l.root(), "", l.label(), provenance);
        if (project.isPresent()) {
            ProfileLayer p = project.get();
            for (Map.Entry<String, JsonNode> e : p.root().properties())
                if (!ProfileLayer.TABLES.contains(e.getKey()) || !e.getValue().isObject())
                    throw new ProfileException(p.label(), e.getKey(), "a project sets only these tables over its board: " + String.join(", ", ProfileLayer.TABLES));
            merge(merged, p.root(), "", p.label(), provenance);
        }

        Layer memLeaf = memoryLeaf(merged, provenance, boardChain, memoryOverride);
        List<Layer> memChain = chain(memLeaf, true);
        for (Layer l : memChain) merge(merged, l.root(), "", l.label(), provenance);
        merged.remove(MEMORY_PROFILE);

        List<String> labels = new ArrayList<>();
        boardChain.forEach(l -> labels.add(l.label()));
        project.ifPresent(p -> labels.add(p.label()));
        memChain.forEach(l -> labels.add(l.label()));
        Doc doc = new Doc(merged, provenance, leaf.label(), labels);
        return TargetReader.read(doc, leaf.name(), memLeaf.name(), new ProfileSource(leaf.label(), leaf.shipped(), labels));
    }

    private static Layer memoryLeaf(ObjectNode merged, Map<String, String> provenance, List<Layer> boardChain, Optional<String> override) {
        if (override.isPresent()) return memoryRef(override.get(), Optional.of(Path.of("")), false, "(memory profile override)", null);
        JsonNode ref = merged.get(MEMORY_PROFILE);
        if (ref == null) return memoryRef(DEFAULT_MEMORY_PROFILE, Optional.empty(), true, "(default)", null);
        String setter = provenance.getOrDefault(MEMORY_PROFILE, boardChain.get(boardChain.size() - 1).label());
        if (!ref.isTextual())
            throw new ProfileException(setter, MEMORY_PROFILE, "expected the name of a memory profile (e.g. \"constrained\") or the path of a .toml file, found " + Doc.describe(ref));
        Layer setterLayer = boardChain.stream().filter(l -> l.label().equals(setter)).findFirst().orElse(boardChain.get(boardChain.size() - 1));
        return memoryRef(ref.textValue(), setterLayer.dir(), setterLayer.shipped(), setter, MEMORY_PROFILE);
    }

    private static Layer memoryRef(String ref, Optional<Path> dir, boolean fromShipped, String from, String key) {
        String name = ref.startsWith("memory:") ? ref.substring("memory:".length()) : ref;
        if (name.endsWith(".toml")) {
            if (fromShipped || dir.isEmpty())
                throw new ProfileException(from, key, "a shipped profile selects a memory profile by name, not by path");
            return userFile(dir.get().resolve(name).normalize(), from, key);
        }
        return shipped(Shipped.Kind.MEMORY, name).orElseThrow(() -> new ProfileException(from, key,
                "unknown memory profile '" + name + "'; known memory profiles: " + String.join(", ", Shipped.list(Shipped.Kind.MEMORY))
                        + " (or give the path of a .toml file)"));
    }

    /** leaf, its parent, ... reversed: base layer first. */
    private static List<Layer> chain(Layer leaf, boolean memoryChain) {
        List<Layer> chain = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Layer cur = leaf;
        while (true) {
            checkLayerKeys(cur, memoryChain);
            chain.add(cur);
            ids.add(cur.id());
            JsonNode inh = cur.root().remove(INHERITS);
            if (inh == null) break;
            if (!inh.isTextual())
                throw new ProfileException(cur.label(), INHERITS, "expected a string such as \"chip:stm32f103c8\", found " + Doc.describe(inh));
            Layer parent = resolve(inh.textValue(), cur, memoryChain);
            if (ids.contains(parent.id())) {
                List<String> cycle = new ArrayList<>();
                chain.forEach(l -> cycle.add(l.label()));
                cycle.add(parent.label());
                throw new ProfileException(cur.label(), INHERITS, "inheritance cycle: " + String.join(" -> ", cycle));
            }
            cur = parent;
        }
        Collections.reverse(chain);
        return chain;
    }

    private static void checkLayerKeys(Layer l, boolean memoryChain) {
        for (Map.Entry<String, JsonNode> e : l.root().properties()) {
            String k = e.getKey();
            if (memoryChain && !k.equals("memory") && !k.equals(INHERITS))
                throw new ProfileException(l.label(), k, "a memory profile holds only the [memory] table (and inherits)");
            if (!memoryChain && k.equals("memory"))
                throw new ProfileException(l.label(), k, "memory settings belong in a memory profile (memory/NAME.toml or your own file); select it with memory-profile = \"...\"");
        }
    }

    private static Layer resolve(String ref, Layer from, boolean memoryChain) {
        int colon = ref.indexOf(':');
        Optional<Shipped.Kind> kind = colon > 0 ? Shipped.Kind.ofPrefix(ref.substring(0, colon)) : Optional.empty();
        if (kind.isPresent()) {
            Shipped.Kind k = kind.get();
            if (memoryChain != (k == Shipped.Kind.MEMORY))
                throw new ProfileException(from.label(), INHERITS, memoryChain
                        ? "a memory profile can only inherit another memory profile (memory:NAME)"
                        : "a board or chip cannot inherit a memory profile; select it with memory-profile = \"NAME\"");
            String name = ref.substring(colon + 1);
            return shipped(k, name).orElseThrow(() -> new ProfileException(from.label(), INHERITS,
                    "unknown " + k.prefix + " '" + name + "'; known " + k.folder + ": " + String.join(", ", Shipped.list(k))));
        }
        if (ref.endsWith(".toml")) {
            if (from.shipped() || from.dir().isEmpty())
                throw new ProfileException(from.label(), INHERITS, "a shipped profile inherits by name (e.g. \"chip:lm3s6965\"), not by path");
            return userFile(from.dir().get().resolve(ref).normalize(), from.label(), INHERITS);
        }
        throw new ProfileException(from.label(), INHERITS,
                "expected \"core:NAME\", \"chip:NAME\", \"board:NAME\", \"memory:NAME\" or the relative path of a .toml file, found \"" + ref + "\"");
    }

    private static Optional<Layer> shipped(Shipped.Kind kind, String name) {
        return Shipped.read(kind, name).map(text -> {
            String label = kind.label(name);
            return new Layer(label, "shipped:" + label, name, parse(label, text), Optional.empty(), true);
        });
    }

    private static Layer userFile(Path file, String referrer, String key) {
        String label = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            if (referrer == null) throw new ProfileException(label, null, "no such file");
            throw new ProfileException(referrer, key, "no such file: " + label);
        } catch (IOException e) {
            throw new ProfileException(label, null, "cannot read: " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".toml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Path abs = file.toAbsolutePath().normalize();
        Path parent = file.getParent() == null ? Path.of("") : file.getParent();
        return new Layer(label, abs.toString(), name, parse(label, text), Optional.of(parent), false);
    }

    static ObjectNode parse(String label, String text) {
        JsonNode n;
        try {
            n = TOML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            if (loc != null && loc.getLineNr() > 0) {
                // Jackson reports a duplicate key once the line is consumed: at column 1 of the next line.
                boolean dup = msg.startsWith("Duplicate key") && loc.getColumnNr() == 1 && loc.getLineNr() > 1;
                int line = dup ? loc.getLineNr() - 1 : loc.getLineNr();
                int col = dup ? 1 : loc.getColumnNr();
                throw ProfileException.at(label, line, col, "invalid TOML at line " + line + (dup ? "" : ", column " + col) + ": " + msg);
            }
            throw new ProfileException(label, null, "invalid TOML: " + msg);
        } catch (IOException e) {
            throw new ProfileException(label, null, "cannot read: " + e.getMessage());
        }
        if (n == null || n.isMissingNode()) return JsonNodeFactory.instance.objectNode();
        if (!n.isObject()) throw new ProfileException(label, null, "expected a TOML document");
        return (ObjectNode) n;
    }

    /**
     * Tables merge key by key, recursively; anything else (values, arrays) replaces. A table that changes its
     * {@code kind} (e.g. [exit] from "sifive-test" to "riscv-semihosting") is a different variant: it replaces
     * the parent's table, so that keys of the old variant (its address) do not leak into the new one.
     */
    static void merge(ObjectNode into, ObjectNode from, String prefix, String label, Map<String, String> provenance) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode old = into.get(e.getKey());
            JsonNode val = e.getValue();
            boolean newVariant = old != null && val.has("kind") && old.has("kind") && !val.get("kind").equals(old.get("kind"));
            if (old != null && old.isObject() && val.isObject() && !newVariant) {
                merge((ObjectNode) old, (ObjectNode) val, path, label, provenance);
            } else {
                provenance.keySet().removeIf(k -> k.startsWith(path + "."));
                into.set(e.getKey(), val.deepCopy());
                record(val, path, label, provenance);
            }
        }
    }

    private static void record(JsonNode val, String path, String label, Map<String, String> provenance) {
        provenance.put(path, label);
        if (val.isObject()) for (Map.Entry<String, JsonNode> e : val.properties()) record(e.getValue(), path + "." + e.getKey(), label, provenance);
    }

    static ProfileException unknownBoard(String name) {
        List<String> known = Shipped.list(Shipped.Kind.BOARD);
        String hint = org.fidembed.diag.Suggest.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return new ProfileException(null, null, "unknown board '" + name + "'" + hint + "; known boards: " + String.join(", ", known)
                + "; or give the path of a .toml board file");
    }
}
