// The stack bound of language.md §15.4: deepest paths over a DAG, calls through function values, bounded
// recursion (depth x frame), interrupt levels (same level: max, different levels: sum), and the errors.
package org.fidembed.alloc;

import org.fidembed.diag.Loc;
import org.fidembed.diag.Diagnostic;

import static org.fidembed.alloc.Fixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackBoundTest {
    private static StackBounds bounds(Allocation a) {
        assertFalse(a.hasErrors(), a.diagnostics().toString());
        return a.stack().orElseThrow();
    }

    private static List<String> names(EntryBound e) { return e.path().stream().map(Frame::function).toList(); }

    private static long sum(EntryBound e) {
        long total = e.entryOverhead();
        for (Frame f : e.path()) total += f.frameSize() * f.repetitions();
        return total;
    }

    /** reset(8) -> main(100) -> {parse(40) -> util(24), render(56) -> util(24), log(10)}; util -> leaf(8). */
    private static Fixture dag() {
        return Fixture.withMain(100, Call.direct("parse", at(101)), Call.direct("render", at(102)),
                        Call.direct("log", at(103)))
                .fn(Function.of("parse", 40, at(10), Call.direct("util", at(11))))
                .fn(Function.of("render", 56, at(20), Call.direct("util", at(21)), Call.direct("log", at(22))))
                .fn(Function.of("util", 24, at(30), Call.direct("leaf", at(31))))
                .fn(Function.of("log", 10, at(40)))
                .fn(Function.of("leaf", 8, at(50)));
    }

    @Test
    void boundOfADagIsItsDeepestPath() {
        StackBounds s = bounds(dag().allocate());
        assertEquals(List.of("reset", "main", "render", "util", "leaf"), names(s.main()));
        assertEquals(8 + 100 + 56 + 24 + 8, s.main().bound());
        assertEquals(sum(s.main()), s.main().bound());
        assertEquals(s.main().bound(), s.program(), "no interrupts");
        Frame render = s.main().path().get(2);
        assertEquals(56, render.frameSize());
        assertEquals(1, render.repetitions());
        assertEquals(new Frame.Called("main", at(102), false, Optional.empty()), render.reached());
        assertEquals(Frame.ENTRY, s.main().path().get(0).reached());
    }

    @Test
    void aDeeperBranchChangesThePath() {
        Fixture f = dag();
        f.functions.replaceAll(fn -> fn.symbol().equals("parse")
                ? Function.of("parse", 90, at(10), Call.direct("util", at(11))) : fn);
        StackBounds s = bounds(f.allocate());
        assertEquals(List.of("reset", "main", "parse", "util", "leaf"), names(s.main()));
        assertEquals(8 + 100 + 90 + 24 + 8, s.main().bound());
    }

    @Test
    void resultDoesNotDependOnTheOrderOfFunctionsOrCalls() {
        StackBounds reference = bounds(dag().allocate());
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            Fixture f = dag();
            List<Function> shuffled = new ArrayList<>();
            for (Function fn : f.functions) {
                List<Call> calls = new ArrayList<>(fn.calls());
                Collections.shuffle(calls, random);
                shuffled.add(new Function(fn.symbol(), fn.frameSize(), fn.location(), calls, fn.recursionDepth()));
            }
            Collections.shuffle(shuffled, random);
            f.functions = shuffled;
            assertEquals(reference, bounds(f.allocate()));
        }
    }

    @Test
    void callThroughAFunctionValueReachesEveryFunctionTakenWithThatType() {
        // main applies a value of type int -> int; three functions of that type have their value taken, the
        // deepest through its own callee. A function of another type is not reached.
        Fixture f = Fixture.withMain(32, Call.throughValue("int -> int", at(101)))
                .fn(Function.of("double", 16, at(10)))
                .fn(Function.of("square", 24, at(20)))
                .fn(Function.of("clamp", 8, at(30), Call.direct("helper", at(31))))
                .fn(Function.of("helper", 40, at(40)))
                .fn(Function.of("huge", 4000, at(50)));
        f.taken.put("int -> int", Set.of("double", "square", "clamp"));
        f.taken.put("unit -> unit", Set.of("huge"));
        StackBounds s = bounds(f.allocate());
        assertEquals(List.of("reset", "main", "clamp", "helper"), names(s.main()));
        assertEquals(8 + 32 + Math.max(Math.max(16, 24), 8 + 40), s.main().bound());
        assertEquals(new Frame.Called("main", at(101), false, Optional.of("int -> int")),
                s.main().path().get(2).reached());

        // Make another taken function the deepest: the bound follows it.
        f.functions.replaceAll(fn -> fn.symbol().equals("square") ? Function.of("square", 200, at(20)) : fn);
        StackBounds t = bounds(f.allocate());
        assertEquals(List.of("reset", "main", "square"), names(t.main()));
        assertEquals(8 + 32 + 200, t.main().bound());
    }

    @Test
    void callThroughATypeWithNoTakenFunctionIsAWarning() {
        Allocation a = Fixture.withMain(32, Call.throughValue("byte -> unit", at(101))).allocate();
        assertFalse(a.hasErrors());
        assertEquals(1, a.diagnostics().size());
        assertTrue(a.diagnostics().get(0).message().contains("'byte -> unit'"));
        assertEquals(8 + 32, a.stack().orElseThrow().program());
    }

    @Test
    void boundedRecursionCountsDepthTimesFrame() {
        // let rec fib n = ... accepted for fib 20: depth 20 (language.md 15.4); fib also calls a leaf.
        long depth = 20, frame = 24;
        Fixture f = Fixture.withMain(48, Call.direct("fib", at(101)))
                .fn(Function.recursive("fib", frame, depth, at("fib.fs", 1, 9),
                        Call.direct("fib", at("fib.fs", 1, 42)), Call.direct("fib", at("fib.fs", 1, 58)),
                        Call.direct("trace", at("fib.fs", 1, 30))))
                .fn(Function.of("trace", 12, at(60)));
        StackBounds s = bounds(f.allocate());
        assertEquals(List.of("reset", "main", "fib", "trace"), names(s.main()));
        Frame fib = s.main().path().get(2);
        assertEquals(depth, fib.repetitions());
        assertEquals(frame, fib.frameSize());
        assertEquals(depth * frame, fib.bytes());
        assertEquals(8 + 48 + depth * frame + 12, s.main().bound());
        assertEquals(sum(s.main()), s.main().bound());
    }

    @Test
    void recursionDepthCountsOnlyForARecursiveFunction() {
        // A depth given for a function whose self-call became a loop changes nothing.
        Fixture f = Fixture.withMain(48, Call.direct("loop", at(101)))
                .fn(Function.recursive("loop", 16, 50, at(10)));
        StackBounds s = bounds(f.allocate());
        assertEquals(8 + 48 + 16, s.main().bound());
        assertEquals(1, s.main().path().get(2).repetitions());
    }

    private static Fixture withHandlers(Handler... handlers) {
        Fixture f = Fixture.withMain(192 - 8)
                .fn(Function.of("tick", 16, at(200), Call.direct("count", at(201))))
                .fn(Function.of("count", 16, at(210)))
                .fn(Function.of("uart", 48, at(220)))
                .fn(Function.of("gpio", 24, at(230)));
        for (Handler h : handlers) f.handler(h);
        return f;
    }

    @Test
    void handlersAtTheSameLevelCountOnlyTheLargest() {
        StackBounds s = bounds(withHandlers(Handler.atLevel("SysTick", "tick", 1),
                Handler.atLevel("UART0", "uart", 1), Handler.atLevel("GPIOA", "gpio", 1)).allocate());
        long overhead = 32;
        assertEquals(1, s.levels().size());
        long largest = Math.max(Math.max(16 + 16, 48), 24) + overhead;
        assertEquals(largest, s.interrupts());
        assertEquals("UART0", s.levels().get(0).deepest().label());
        assertEquals(3, s.levels().get(0).handlers().size());
        assertEquals(192 + largest, s.program());
    }

    @Test
    void handlersAtDifferentLevelsAddUp() {
        StackBounds s = bounds(withHandlers(Handler.atLevel("SysTick", "tick", 0),
                Handler.atLevel("UART0", "uart", 1), Handler.atLevel("GPIOA", "gpio", 1)).allocate());
        long overhead = 32;
        assertEquals(2, s.levels().size());
        long level0 = 16 + 16 + overhead, level1 = Math.max(48, 24) + overhead;
        assertEquals(level0 + level1, s.interrupts());
        assertEquals(192 + level0 + level1, s.program());
        for (EntryBound h : s.handlers()) assertEquals(sum(h), h.bound());
    }

    @Test
    void byDefaultEveryHandlerHasItsOwnLevel() {
        Fixture f = withHandlers(Handler.of("SysTick", "tick"), Handler.of("UART0", "uart"));
        f.overhead = StackConfig.CORTEX_M_FP_FRAME;
        StackBounds s = bounds(f.allocate());
        long overhead = StackConfig.CORTEX_M_FP_FRAME;
        assertEquals(2, s.levels().size());
        assertEquals((16 + 16 + overhead) + (48 + overhead), s.interrupts());
        EntryBound tick = s.handlers().stream().filter(h -> h.label().equals("SysTick")).findFirst().orElseThrow();
        assertEquals(overhead, tick.entryOverhead());
        assertEquals(List.of("tick", "count"), names(tick));
    }

    @Test
    void reserveIsBoundPlusMarginRoundedUpToEight() {
        Fixture f = Fixture.withMain(93);
        f.margin = 250;
        StackBounds s = bounds(f.allocate());
        assertEquals(8 + 93, s.program());
        long wanted = 8 + 93 + 250;
        assertEquals((wanted + 7) / 8 * 8, s.reserve());
        assertEquals(0, s.reserve() % 8);
        assertTrue(s.reserve() >= wanted && s.reserve() < wanted + 8);
    }

    @Test
    void selfRecursionWithoutABoundIsReportedWithItsLocation() {
        Fixture f = Fixture.withMain(48, Call.direct("depth", at(101)))
                .fn(Function.of("depth", 16, at("d.fs", 1, 9), Call.direct("depth", at("d.fs", 1, 53))));
        Allocation a = f.allocate();
        assertTrue(a.stack().isEmpty());
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals(at("d.fs", 1, 53), d.loc());
        assertEquals("recursion depth is unbounded; stack cannot be proven ('depth' calls itself and has no depth "
                + "bound: depth (d.fs:1:9) -> depth)", d.message());
        assertTrue(d.hint().contains("a loop, a tail call, or a measure"));
    }

    @Test
    void mutualRecursionIsReportedAsACycleWithEveryLocation() {
        Fixture f = Fixture.withMain(48, Call.direct("isEven", at(101)))
                .fn(Function.recursive("isEven", 16, 10, at("p.fs", 1, 9), Call.direct("isOdd", at("p.fs", 1, 40))))
                .fn(Function.of("isOdd", 16, at("p.fs", 2, 5), Call.direct("check", at("p.fs", 2, 30))))
                .fn(Function.of("check", 8, at("p.fs", 3, 5), Call.direct("isEven", at("p.fs", 3, 20))));
        Allocation a = f.allocate();
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals(at("p.fs", 1, 40), d.loc(), "the first call of the cycle");
        assertEquals("recursion depth is unbounded; stack cannot be proven (non-tail recursion among several "
                + "functions: isEven (p.fs:1:9) -> isOdd (p.fs:2:5) -> check (p.fs:3:5) -> isEven)", d.message());
    }

    @Test
    void recursionThroughFunctionValuesIsRejectedEvenWithADepth() {
        Fixture f = Fixture.withMain(48, Call.direct("apply", at(101)))
                .fn(Function.recursive("apply", 16, 5, at("v.fs", 4, 5), Call.throughValue("int -> int",
                        at("v.fs", 4, 30))))
                .fn(Function.of("step", 8, at("v.fs", 8, 5), Call.direct("apply", at("v.fs", 8, 20))));
        f.taken.put("int -> int", Set.of("step"));
        Allocation a = f.allocate();
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals(at("v.fs", 4, 30), d.loc());
        assertEquals("recursion depth is unbounded; stack cannot be proven (recursion through function values of "
                + "type 'int -> int': apply (v.fs:4:5) -> (through 'int -> int') step (v.fs:8:5) -> apply)",
                d.message());
    }

    @Test
    void cyclesOutsideTheReachableGraphAreNotReported() {
        Fixture f = Fixture.withMain(48)
                .fn(Function.of("dead", 16, at(10), Call.direct("dead", at(11))));
        assertFalse(f.allocate().hasErrors());
    }

    @Test
    void unresolvedIndirectCallIsAnErrorAtTheCallSite() {
        Fixture f = Fixture.withMain(48, Call.direct("dispatch", at(101)))
                .fn(Function.of("dispatch", 16, at(10),
                        Call.unresolved("call through a pointer loaded from memory", at("io.fs", 12, 7))));
        Allocation a = f.allocate();
        assertTrue(a.stack().isEmpty());
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals(at("io.fs", 12, 7), d.loc());
        assertEquals("unresolved indirect call in 'dispatch' (call through a pointer loaded from memory); stack "
                + "cannot be proven", d.message());
    }

    @Test
    void callToAFunctionWithoutAFrameIsAnError() {
        Allocation a = Fixture.withMain(48, Call.direct("__aeabi_uldivmod", at(101))).allocate();
        assertEquals(1, a.errors().size());
        assertEquals(at(101), a.errors().get(0).loc());
        assertTrue(a.errors().get(0).message().startsWith("call to '__aeabi_uldivmod' in 'main' cannot be bounded"));
    }

    @Test
    void tailCallsBetweenFunctionsOfAGroupUseOneFrameAtATime() {
        // let rec even n = ... odd (n - 1) and odd n = ... even (n - 1): jumps, no growth. The deepest member
        // is odd with its callee; even's frame is replaced by odd's.
        Fixture f = Fixture.withMain(48, Call.direct("even", at(101)))
                .fn(Function.of("even", 16, at("t.fs", 1, 9), Call.tail("odd", at("t.fs", 1, 40))))
                .fn(Function.of("odd", 24, at("t.fs", 2, 5), Call.tail("even", at("t.fs", 2, 40)),
                        Call.direct("report", at("t.fs", 2, 20))))
                .fn(Function.of("report", 12, at("t.fs", 3, 5)));
        StackBounds s = bounds(f.allocate());
        assertEquals(8 + 48 + Math.max(16, 24 + 12), s.main().bound());
        assertEquals(List.of("reset", "main", "odd", "report"), names(s.main()));
        assertEquals(new Frame.Called("even", at("t.fs", 1, 40), true, Optional.empty()),
                s.main().path().get(2).reached());
        assertEquals(sum(s.main()), s.main().bound());
    }

    @Test
    void aTailCallReplacesTheCallersFrame() {
        // main (frame 48) jumps to big (frame 200): at the deepest point main's frame is gone.
        Fixture f = Fixture.withMain(48, Call.tail("big", at(101))).fn(Function.of("big", 200, at(10)));
        StackBounds s = bounds(f.allocate());
        assertEquals(8 + 200, s.main().bound());
        assertEquals(List.of("reset", "big"), names(s.main()));
    }

    @Test
    void aNonTailCallInATailGroupIsStillRecursion() {
        Fixture f = Fixture.withMain(48, Call.direct("a", at(101)))
                .fn(Function.of("a", 16, at(10), Call.tail("b", at(11))))
                .fn(Function.of("b", 16, at(20), Call.direct("a", at(21))));
        Allocation a = f.allocate();
        assertEquals(1, a.errors().size());
        assertTrue(a.errors().get(0).message().contains("non-tail recursion among several functions: "
                + "b (main.fs:20:5) -> a (main.fs:10:5) -> (tail call) b)"), a.errors().get(0).message());
    }

    @Test
    void entryPointsMustExistAndResetMustReachMain() {
        Fixture noMain = Fixture.withMain(48);
        noMain.main = "nope";
        assertThrows(IllegalArgumentException.class, noMain::allocate);
        Fixture resetAlone = new Fixture();
        resetAlone.fn(Function.of("reset", 8, Loc.NONE)).fn(Function.of("main", 8, at(1)));
        assertThrows(IllegalArgumentException.class, resetAlone::allocate);
        Fixture noReset = new Fixture();
        noReset.reset = Optional.empty();
        noReset.fn(Function.of("main", 40, at(1)));
        assertEquals(40, bounds(noReset.allocate()).program());
    }
}
