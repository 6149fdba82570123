// Derives from a composed board profile what the compiler phases need: the lowering's TargetInfo
// and the LLVM code generation options. The only place where the driver reads the profile for them.
package org.fidembed.driver;

import org.fidembed.board.BoardConstant;
import org.fidembed.board.Target;
import org.fidembed.board.Timer;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.lower.TargetInfo;

import java.util.LinkedHashMap;
import java.util.Map;

public final class TargetAdapter {
    private TargetAdapter() { }

    public static TargetInfo info(Target t) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Map.Entry<String, BoardConstant> e : t.constants().entrySet()) constants.put(e.getKey(), e.getValue().fsharpLiteral());
        return new TargetInfo(t.name(), t.isCortexM(), t.llvmTriple().startsWith("thumbv6m"), t.hardFloat(), t.fpuEnableAtReset(),
                t.exit().kind().id(), t.exit().address().orElse(0), t.cycleCounter().id(), t.vectorNames(), t.interrupts(),
                t.uart().kind().id(), constants, timerKind(t), t.interruptAliases(), t.interruptPrologues(),
                t.bootAlias().isPresent() && t.bootAlias().getAsLong() != t.codeRegion().origin(),
                t.stackGuard(),
                t.uart().setup().stream().map(w -> new long[] {w.address(), w.clear(), w.set()}).toList());
    }

    /** The timer driver of the prelude: timer/KIND.fs. */
    static String timerKind(Target t) {
        Timer timer = t.timer();
        if (timer instanceof Timer.SysTick) return "systick";
        if (timer instanceof Timer.Clint) return "clint";
        throw new IllegalStateException("no timer driver for " + timer);
    }

    public static LlvmSession.Options llvm(Target t, String opt) {
        return new LlvmSession.Options(t.llvmTriple(), t.cpu(), t.featureString(), t.abi(), t.hardFloat(), opt);
    }
}
