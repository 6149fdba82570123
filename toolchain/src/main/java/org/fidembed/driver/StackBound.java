// Builds the static allocator's model from the compiled objects: every function's frame (LLVM's
// prologue remarks), its calls (call and tail-call relocations of its section, plus indirect calls
// read from the optimised IR with the functions whose address is taken), the entry points and the
// board's interrupt overhead. The allocator then proves the stack bound.
package org.fidembed.driver;

import org.fidembed.alloc.Call;
import org.fidembed.alloc.CallGraph;
import org.fidembed.alloc.EntryPoints;
import org.fidembed.alloc.Function;
import org.fidembed.alloc.Handler;
import org.fidembed.alloc.StackConfig;
import org.fidembed.board.Target;
import org.fidembed.diag.Loc;
import org.fidembed.llvm.ObjectFile;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class StackBound {
    private StackBound() { }

    /** What the objects say about the code: functions, frames, calls, entry points. */
    public record Model(CallGraph graph, EntryPoints entries, StackConfig config) { }

    private static final Pattern DEFINE = Pattern.compile("^define [^@]*@(\"[^\"]+\"|[\\w.$]+)\\((.*)\\)");
    private static final Pattern INDIRECT = Pattern.compile("call [^@%]*?(\\w[\\w ]*?|\\{[^}]*\\}|void)\\s+%[\\w.]+\\((.*)\\)");

    public static Model model(Target t, List<ObjectFile> objects, Map<String, Integer> frames, String optimizedIr,
                              Map<String, Long> recursion, Map<String, String> interruptHandlers, Map<String, Loc> locations) {
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        Set<String> functions = new LinkedHashSet<>();
        Set<String> taken = new LinkedHashSet<>();
        for (ObjectFile o : objects) {
            for (ObjectFile.Symbol s : o.symbols) if (s.isFunction()) functions.add(s.name());
            for (ObjectFile.Edge e : o.calls) {
                calls.computeIfAbsent(e.caller(), k -> new ArrayList<>()).add(new Call.Direct(e.callee(), Loc.NONE, e.tail()));
            }
            taken.addAll(o.addressTaken);
        }
        // indirect calls and the signatures of address-taken functions, from the optimised IR
        Map<String, String> signature = new HashMap<>();
        Map<String, Set<String>> takenByType = new LinkedHashMap<>();
        if (optimizedIr != null) {
            String current = null;
            for (String line : optimizedIr.split("\n")) {
                Matcher d = DEFINE.matcher(line);
                if (d.find()) {
                    current = unquote(d.group(1));
                    signature.put(current, paramTypes(d.group(2)));
                    continue;
                }
                if (current == null) continue;
                if (line.startsWith("}")) { current = null; continue; }
                int at = line.indexOf(" call ");
                if (at < 0 || line.contains("call void asm") || line.contains("asm sideeffect")) continue;
                String rest = line.substring(at + 6);
                int paren = rest.indexOf('(');
                if (paren < 0) continue;
                String head = rest.substring(0, paren);
                int pct = head.lastIndexOf(" %");
                if (pct >= 0 && !head.contains("@")) {
                    String key = "sig:" + argTypes(rest.substring(paren));
                    calls.computeIfAbsent(current, k -> new ArrayList<>()).add(new Call.ThroughValue(key, Loc.NONE, false));
                }
            }
            for (String f : taken) {
                String sig = signature.get(f);
                if (sig != null) takenByType.computeIfAbsent("sig:" + sig, k -> new TreeSet<>()).add(f);
            }
        }
        List<Function> fs = new ArrayList<>();
        for (String f : functions) {
            long frame = frames.getOrDefault(f, 0);
            Loc l = locations.get(f);
            Loc at = l == null ? Loc.NONE : l;
            List<Call> cs = dedupe(calls.getOrDefault(f, List.of()), functions);
            Long depth = recursion.get(f);
            // a call of a function to itself is resolved by the assembler (a local symbol in the same
            // section), so it has no relocation: a function the front end bounded recurses by definition
            if (depth != null && cs.stream().noneMatch(c -> c instanceof Call.Direct d && d.callee().equals(f) && !d.tail())) {
                cs = new ArrayList<>(cs);
                cs.add(new Call.Direct(f, Loc.NONE, false));
            }
            fs.add(depth != null ? Function.recursive(f, frame, depth, at, cs.toArray(Call[]::new)) : new Function(f, frame, at, cs, OptionalLong.empty()));
        }
        List<Handler> handlers = new ArrayList<>();
        if (t.isCortexM()) {
            for (Map.Entry<String, String> e : interruptHandlers.entrySet()) handlers.add(Handler.of(e.getKey(), unquote(e.getValue().substring(1))));
            if (functions.contains("HardFault_Handler")) handlers.add(Handler.of("HardFault", "HardFault_Handler"));
            if (functions.contains("Default_Handler")) handlers.add(Handler.of("Default", "Default_Handler"));
        } else if (functions.contains("fid.trap")) {
            handlers.add(Handler.of("trap", "fid.trap"));
        }
        long overhead = t.isCortexM() ? (t.hardFloat() ? StackConfig.CORTEX_M_FP_FRAME : StackConfig.CORTEX_M_FRAME) : 0;
        StackConfig cfg = new StackConfig(t.dataRegion().name(), overhead, t.memory(), t.stackAlign());
        // LLVM inlines a small main (let main _ = 0) into the reset handler: then the main path is the reset handler's
        String main = functions.contains("fid.main") ? "fid.main" : "Reset_Handler";
        EntryPoints entries = new EntryPoints(Optional.of("Reset_Handler"), main, handlers);
        return new Model(new CallGraph(fs, takenByType), entries, cfg);
    }

    /** The model restricted to the functions the linker kept (the others are never called). */
    public static Model keep(Model m, Set<String> kept) {
        List<Function> fs = new ArrayList<>();
        for (Function f : m.graph().functions()) {
            if (!kept.contains(f.symbol())) continue;
            List<Call> cs = new ArrayList<>();
            for (Call c : f.calls()) if (!(c instanceof Call.Direct d) || kept.contains(d.callee())) cs.add(c);
            fs.add(new Function(f.symbol(), f.frameSize(), f.location(), cs, f.recursionDepth()));
        }
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : m.graph().takenByType().entrySet()) {
            Set<String> s = new TreeSet<>();
            for (String f : e.getValue()) if (kept.contains(f)) s.add(f);
            if (!s.isEmpty()) taken.put(e.getKey(), s);
        }
        return new Model(new CallGraph(fs, taken), m.entries(), m.config());
    }

    /** Calls to functions outside the objects (none should remain) are dropped; duplicates merged. */
    private static List<Call> dedupe(List<Call> calls, Set<String> known) {
        LinkedHashMap<String, Call> out = new LinkedHashMap<>();
        for (Call c : calls) {
            if (c instanceof Call.Direct d) {
                if (!known.contains(d.callee())) continue;
                String k = "D" + d.callee();
                Call prev = out.get(k);
                // a plain call needs more stack than a tail call of the same function
                if (prev == null || (prev instanceof Call.Direct pd && pd.tail() && !d.tail())) out.put(k, c);
            } else if (c instanceof Call.ThroughValue tv) {
                out.putIfAbsent("V" + tv.functionType(), c);
            } else out.put("U" + out.size(), c);
        }
        return new ArrayList<>(out.values());
    }

    private static String unquote(String n) {
        return n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n;
    }

    /** "i32 %a, ptr %b" (a definition's parameters) to "i32,ptr". */
    private static String paramTypes(String params) {
        List<String> out = new ArrayList<>();
        for (String p : splitTop(params)) {
            p = p.trim();
            if (p.isEmpty()) continue;
            int sp = p.lastIndexOf(" %");
            String ty = sp > 0 ? p.substring(0, sp) : p;
            out.add(ty.replaceAll(" (noundef|nonnull|signext|zeroext|readonly|writeonly|nocapture|captures\\([^)]*\\)|align \\d+|dereferenceable\\(\\d+\\)|noalias|inreg)", "").trim());
        }
        return String.join(",", out);
    }

    /** "(ptr %e, i32 5)" (a call's arguments) to "ptr,i32". */
    private static String argTypes(String args) {
        int end = args.lastIndexOf(')');
        String inner = args.substring(1, Math.max(1, end));
        List<String> out = new ArrayList<>();
        for (String a : splitTop(inner)) {
            a = a.trim();
            if (a.isEmpty()) continue;
            int sp = a.lastIndexOf(' ');
            String ty = sp > 0 ? a.substring(0, sp) : a;
            out.add(ty.replaceAll(" (noundef|nonnull|signext|zeroext|readonly|writeonly|nocapture|align \\d+|noalias|inreg)", "").trim());
        }
        return String.join(",", out);
    }

    private static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[' || c == '(' || c == '<') depth++;
            else if (c == '}' || c == ']' || c == ')' || c == '>') depth--;
            else if (c == ',' && depth == 0) { out.add(s.substring(start, i)); start = i + 1; }
        }
        out.add(s.substring(start));
        return out;
    }
}
