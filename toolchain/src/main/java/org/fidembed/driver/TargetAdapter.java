// Derives from a composed board profile what the compiler phases need: the lowering's TargetInfo
// and the LLVM code generation options. The only place where the driver reads the profile for them.
package org.fidembed.driver;

import org.fidembed.board.Target;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.lower.TargetInfo;

import java.util.Optional;

public final class TargetAdapter {
    private TargetAdapter() { }

    public static TargetInfo info(Target t) {
        return new TargetInfo(t.name(), t.arch(), t.llvmTriple().startsWith("thumbv6m"), t.fpuEnableAtReset(), t.exit(), t.cycleCounter(),
                t.vectorNames(), t.interrupts(), t.uart().kind(), t.constants(), Optional.of(t.timer()), t.interruptAliases(),
                t.interruptPrologues(), t.bootAlias().isPresent() && t.bootAlias().getAsLong() != t.codeRegion().origin(),
                t.stackGuard(), t.uart().setup(), t.capabilities(), t.memory().panic(), t.drivers(), words -> org.fidembed.device.Devices.source(t, words));
    }

    public static LlvmSession.Options llvm(Target t, String opt) {
        return LlvmSession.Options.forCpu(t.llvmTriple(), t.cpu()).withFloat(t.featureString(), t.abi(), t.hardFloat())
                .withOptLevel(opt).withVectorize(t.capabilities().vectorize());
    }
}
