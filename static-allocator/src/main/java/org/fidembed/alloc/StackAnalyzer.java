// The stack bound of language.md §15.4: the deepest path of main (from reset) and of each interrupt handler
// over the call graph, bounded recursion counted as depth x frame, and every unbounded cycle reported.
package org.fidembed.alloc;

import org.fidembed.diag.Loc;
import org.fidembed.diag.Diagnostic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public final class StackAnalyzer {
    private StackAnalyzer() {}

    /** The bounds when they could be proven, and the diagnostics that explain why not otherwise. */
    public record Result(Optional<StackBounds> bounds, List<Diagnostic> diagnostics) {
        public Result {
            Objects.requireNonNull(bounds, "bounds");
            diagnostics = diagnostics.stream().sorted().toList();
        }
    }

    /** A call after function values are expanded to the functions they may be. */
    private record Edge(String from, String to, Loc site, boolean tail, Optional<String> type) {
        Frame.Reached reached() { return new Frame.Called(from, site, tail, type); }
    }

    private static final Comparator<Edge> EDGE_ORDER = Comparator.comparing(Edge::to).thenComparing(Edge::site)
            .thenComparing(Edge::tail).thenComparing(e -> e.type().orElse(""));

    private static final Comparator<Edge> BY_SITE = Comparator.comparing(Edge::site).thenComparing(Edge::from)
            .thenComparing(EDGE_ORDER);

    /** How a function's cost is reached: own frame repeated, then (maybe) one call onwards. */
    private record Step(long ownRepetitions, Optional<Edge> next) {}

    private static final String HINT = "use a loop, a tail call, or a measure (language.md §15.4)";

    public static Result analyze(CallGraph graph, EntryPoints entries, StackConfig config) {
        Map<String, Function> fns = new TreeMap<>();
        graph.functions().forEach(f -> fns.put(f.symbol(), f));
        List<String> roots = new ArrayList<>();
        entries.reset().ifPresent(roots::add);
        roots.add(entries.main());
        entries.handlers().forEach(h -> roots.add(h.symbol()));
        for (String r : roots)
            if (!fns.containsKey(r)) throw new IllegalArgumentException("entry point '" + r + "' is not among the functions");

        // Expand calls to edges; problems are kept per function and reported only if it is reachable.
        Map<String, List<Edge>> out = new TreeMap<>();
        Map<String, List<Diagnostic>> problems = new HashMap<>();
        for (Function f : fns.values()) {
            List<Edge> edges = new ArrayList<>();
            List<Diagnostic> found = new ArrayList<>();
            for (Call call : f.calls()) expandCall(call, f, fns, graph, edges, found);
            edges.sort(EDGE_ORDER);
            out.put(f.symbol(), List.copyOf(edges));
            problems.put(f.symbol(), found);
        }

        entries.reset().ifPresent(reset -> {
            if (!reachable(List.of(reset), out).contains(entries.main()))
                throw new IllegalArgumentException("reset function '" + reset + "' does not call main '"
                        + entries.main() + "'");
        });
        Set<String> live = reachable(roots, out);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String f : live) diagnostics.addAll(problems.get(f));

        List<List<String>> sccs = stronglyConnected(live, out);
        for (List<String> scc : sccs) recursionError(scc, fns, out).ifPresent(diagnostics::add);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) return new Result(Optional.empty(), diagnostics);

        // Tarjan lists components callees first: every call leaving a component has its cost already.
        Map<String, Long> cost = new HashMap<>();
        Map<String, Step> steps = new HashMap<>();
        for (List<String> scc : sccs) solve(scc, fns, out, cost, steps);

        EntryBound main = new EntryBound("main", entries.mainRoot(), OptionalInt.empty(), 0,
                path(entries.mainRoot(), fns, steps));
        List<EntryBound> handlers = new ArrayList<>();
        for (Handler h : entries.handlers())
            handlers.add(new EntryBound(h.vector(), h.symbol(), h.priority(), config.interruptOverhead(),
                    path(h.symbol(), fns, steps)));
        handlers.sort(Comparator.comparing(EntryBound::label));
        StackBounds bounds = new StackBounds(main, handlers, levels(handlers), config.memory(), config.alignment());
        return new Result(Optional.of(bounds), diagnostics);
    }

    /** One call of f as edges to the functions it may reach, or a problem when it cannot be bounded. */
    private static void expandCall(Call call, Function f, Map<String, Function> fns, CallGraph graph,
                                   List<Edge> edges, List<Diagnostic> found) {
        call.match(new Call.Cases<Void>() {
            @Override public Void direct(Call.Direct c) {
                if (fns.containsKey(c.callee()))
                    edges.add(new Edge(f.symbol(), c.callee(), c.site(), c.tail(), Optional.empty()));
                else
                    found.add(Diagnostic.error(c.site(), "call to '" + c.callee() + "' in '" + f.symbol()
                            + "' cannot be bounded: its frame size is unknown; stack cannot be proven",
                            "the compiler must give the frame size of every function it calls, "
                                    + "runtime helpers included"));
                return null;
            }

            @Override public Void throughValue(Call.ThroughValue c) {
                var targets = graph.taken(c.functionType());
                if (targets.isEmpty())
                    found.add(Diagnostic.warning(c.site(), "call through a function value of type '"
                            + c.functionType() + "' in '" + f.symbol()
                            + "' reaches no function: no function of that type has its value taken", null));
                for (String t : targets)
                    edges.add(new Edge(f.symbol(), t, c.site(), c.tail(), Optional.of(c.functionType())));
                return null;
            }

            @Override public Void unresolved(Call.Unresolved c) {
                found.add(Diagnostic.error(c.site(), "unresolved indirect call in '" + f.symbol() + "' ("
                                + c.description() + "); stack cannot be proven",
                        "call a known function, or a function value whose type is known"));
                return null;
            }
        });
    }

    /** Handlers grouped by priority level (explicit levels first, by number; then one level per other handler). */
    private static List<LevelBound> levels(List<EntryBound> handlers) {
        Map<Integer, List<EntryBound>> explicit = new TreeMap<>();
        List<LevelBound> levels = new ArrayList<>();
        for (EntryBound h : handlers)
            if (h.priority().isPresent())
                explicit.computeIfAbsent(h.priority().getAsInt(), k -> new ArrayList<>()).add(h);
        Comparator<EntryBound> deepestFirst = Comparator.comparingLong(EntryBound::bound).reversed()
                .thenComparing(EntryBound::label);
        explicit.forEach((level, hs) -> levels.add(new LevelBound("priority " + level, hs,
                hs.stream().min(deepestFirst).orElseThrow())));
        for (EntryBound h : handlers)
            if (h.priority().isEmpty()) levels.add(new LevelBound(h.label(), List.of(h), h));
        return levels;
    }

    private static Set<String> reachable(List<String> roots, Map<String, List<Edge>> out) {
        Set<String> seen = new TreeSet<>(roots);
        Deque<String> work = new ArrayDeque<>(roots);
        while (!work.isEmpty())
            for (Edge e : out.get(work.pop()))
                if (seen.add(e.to())) work.push(e.to());
        return seen;
    }

    /** Tarjan's algorithm without recursion; components come out callees first, members sorted by name. */
    private static List<List<String>> stronglyConnected(Set<String> nodes, Map<String, List<Edge>> out) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> sccs = new ArrayList<>();
        final class Visit {
            final String node;
            int next;
            Visit(String node) { this.node = node; }
        }
        for (String start : nodes) {
            if (index.containsKey(start)) continue;
            Deque<Visit> work = new ArrayDeque<>();
            index.put(start, index.size());
            low.put(start, index.get(start));
            stack.push(start);
            onStack.add(start);
            work.push(new Visit(start));
            while (!work.isEmpty()) {
                Visit top = work.peek();
                List<Edge> edges = out.get(top.node);
                if (top.next < edges.size()) {
                    String w = edges.get(top.next++).to();
                    if (!index.containsKey(w)) {
                        index.put(w, index.size());
                        low.put(w, index.get(w));
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Visit(w));
                    } else if (onStack.contains(w)) {
                        low.put(top.node, Math.min(low.get(top.node), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) low.put(work.peek().node, Math.min(low.get(work.peek().node), low.get(top.node)));
                if (low.get(top.node).equals(index.get(top.node))) {
                    List<String> scc = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(top.node));
                    scc.sort(null);
                    sccs.add(List.copyOf(scc));
                }
            }
        }
        return sccs;
    }

    private static List<Edge> internal(List<String> scc, Map<String, List<Edge>> out) {
        Set<String> members = Set.copyOf(scc);
        List<Edge> edges = new ArrayList<>();
        for (String m : scc)
            for (Edge e : out.get(m))
                if (members.contains(e.to())) edges.add(e);
        return edges;
    }

    /**
     * A component is accepted when it is one function whose only non-tail self-calls are bounded by a depth,
     * or several functions joined only by direct tail calls (jumps). Any other cycle is an error.
     */
    private static Optional<Diagnostic> recursionError(List<String> scc, Map<String, Function> fns,
                                                       Map<String, List<Edge>> out) {
        List<Edge> inside = internal(scc, out);
        Optional<Edge> throughValue = inside.stream().filter(e -> e.type().isPresent()).min(BY_SITE);
        if (throughValue.isPresent())
            return Optional.of(cycleError(throughValue.get(), "recursion through function values of type '"
                    + throughValue.get().type().orElseThrow() + "'", inside, fns,
                    "recursion through function values is always rejected; call the functions directly"));
        Optional<Edge> nonTail = inside.stream().filter(e -> !e.tail()).min(BY_SITE);
        if (nonTail.isEmpty()) return Optional.empty();
        if (scc.size() > 1)
            return Optional.of(cycleError(nonTail.get(), "non-tail recursion among several functions", inside, fns,
                    HINT));
        Function f = fns.get(scc.get(0));
        if (f.recursionDepth().isPresent()) return Optional.empty();
        return Optional.of(cycleError(nonTail.get(), "'" + f.symbol() + "' calls itself and has no depth bound",
                inside, fns, HINT));
    }

    /** The error at the call that closes the cycle, printing the shortest cycle through it with locations. */
    private static Diagnostic cycleError(Edge closing, String reason, List<Edge> inside, Map<String, Function> fns,
                                         String hint) {
        List<Edge> cycle = new ArrayList<>();
        cycle.add(closing);
        cycle.addAll(shortestPath(closing.to(), closing.from(), inside));
        StringBuilder text = new StringBuilder();
        Set<String> shown = new HashSet<>();
        text.append(closing.from()).append(" (").append(fns.get(closing.from()).location()).append(')');
        shown.add(closing.from());
        for (Edge e : cycle) {
            text.append(e.tail() ? " -> (tail call) " : " -> ");
            e.type().ifPresent(t -> text.append("(through '").append(t).append("') "));
            text.append(e.to());
            if (shown.add(e.to())) text.append(" (").append(fns.get(e.to()).location()).append(')');
        }
        return Diagnostic.error(closing.site(),
                "recursion depth is unbounded; stack cannot be proven (" + reason + ": " + text + ")", hint);
    }

    /** Breadth-first path from one function to another over the given edges (empty when from equals to). */
    private static List<Edge> shortestPath(String from, String to, List<Edge> edges) {
        Map<String, Edge> via = new LinkedHashMap<>();
        Deque<String> work = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        List<Edge> sorted = edges.stream().sorted(Comparator.comparing(Edge::from).thenComparing(EDGE_ORDER)).toList();
        while (!work.isEmpty() && !seen.contains(to)) {
            String n = work.removeFirst();
            for (Edge e : sorted)
                if (e.from().equals(n) && seen.add(e.to())) {
                    via.put(e.to(), e);
                    work.addLast(e.to());
                }
        }
        List<Edge> path = new ArrayList<>();
        for (String n = to; !n.equals(from); n = via.get(n).from()) path.add(0, via.get(n));
        return path;
    }

    /** Costs of one accepted component, from the costs of everything it calls. */
    private static void solve(List<String> scc, Map<String, Function> fns, Map<String, List<Edge>> out,
                              Map<String, Long> cost, Map<String, Step> steps) {
        Set<String> members = Set.copyOf(scc);
        Map<String, Long> local = new HashMap<>();
        Map<String, Step> localStep = new HashMap<>();
        for (String m : scc) {
            Function f = fns.get(m);
            boolean recursive = out.get(m).stream().anyMatch(e -> e.to().equals(m) && !e.tail());
            long depth = recursive ? f.recursionDepth().orElseThrow() : 1;
            Edge normal = null, tail = null;
            long normalCost = 0, tailCost = 0;
            for (Edge e : out.get(m)) {
                if (members.contains(e.to())) continue;
                long c = cost.get(e.to());
                if (!e.tail() && (normal == null || c > normalCost)) { normal = e; normalCost = c; }
                if (e.tail() && (tail == null || c > tailCost)) { tail = e; tailCost = c; }
            }
            long withCall = Bits.add(Bits.mul(depth, f.frameSize()), normalCost);
            long withJump = Bits.add(Bits.mul(depth - 1, f.frameSize()), tailCost);
            if (tail != null && withJump > withCall) {
                local.put(m, withJump);
                localStep.put(m, new Step(depth - 1, Optional.of(tail)));
            } else {
                local.put(m, withCall);
                localStep.put(m, new Step(depth, Optional.ofNullable(normal)));
            }
        }
        String best = scc.get(0);
        for (String m : scc) if (local.get(m) > local.get(best)) best = m;
        for (String m : scc) cost.put(m, local.get(best));
        steps.put(best, localStep.get(best));
        if (scc.size() == 1) return;
        // A tail-call group: at any time one member's frame is on the stack; the deepest is best's. Every other
        // member jumps towards best along a shortest chain of tail calls.
        List<Edge> inside = internal(scc, out);
        Map<String, Integer> distance = new HashMap<>(Map.of(best, 0));
        Deque<String> work = new ArrayDeque<>(List.of(best));
        while (!work.isEmpty()) {
            String n = work.removeFirst();
            for (Edge e : inside)
                if (e.to().equals(n) && !distance.containsKey(e.from())) {
                    distance.put(e.from(), distance.get(n) + 1);
                    work.addLast(e.from());
                }
        }
        for (String m : scc) {
            if (m.equals(best)) continue;
            Edge toward = out.get(m).stream()
                    .filter(e -> members.contains(e.to()) && distance.get(e.to()) == distance.get(m) - 1)
                    .findFirst().orElseThrow();
            steps.put(m, new Step(0, Optional.of(toward)));
        }
    }

    /** The frames on the stack at the deepest point below {@code root}. */
    private static List<Frame> path(String root, Map<String, Function> fns, Map<String, Step> steps) {
        List<Frame> frames = new ArrayList<>();
        String current = root;
        Frame.Reached reached = Frame.ENTRY;
        while (true) {
            Step step = steps.get(current);
            Function f = fns.get(current);
            if (step.ownRepetitions() > 0)
                frames.add(new Frame(current, f.frameSize(), step.ownRepetitions(), f.location(), reached));
            if (step.next().isEmpty()) return frames;
            Edge e = step.next().get();
            reached = e.reached();
            current = e.to();
        }
    }
}
