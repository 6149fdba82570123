// The run-time checks of the language and panics: index bounds, failwith/failwithf, and the
// messages of the other checks (division, overflow, incomplete matches...), all calls into the
// prelude's Fid.Runtime that print "panic: MESSAGE at FILE:LINE:COL" and stop; under the location and
// trap strategies PanicSites stops instead, without the message.
package org.fidembed.lower;

import org.fidembed.board.PanicStrategy;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Typed;

final class Checks {
    private Checks() { }

    /**
     * Measurement only (bench/run, to show what the index checks cost against C): with the JVM
     * property fidembed.bench.uncheckedIndex=true no index is checked. The CLI warns when it is set.
     */
    static final boolean BENCH_UNCHECKED_INDEX = Boolean.getBoolean("fidembed.bench.uncheckedIndex");

    /** Whether panics print their message (the message strategy) rather than only where they are. */
    static boolean messages(Fn f) { return f.m().target.panic() == PanicStrategy.MESSAGE; }

    /** Where a panic points: inside an inline prelude function, at the user's call of it. */
    static Loc panicAt(Env env, Loc loc) { return env.panicLoc() != null ? env.panicLoc() : loc; }

    static String locString(Loc loc) {
        if (loc == null || loc.file() == null) return "<unknown>";
        return loc.file().name() + ":" + loc.line() + ":" + loc.col();
    }

    /** Panics unless 0 <= idx < length (skipped when both are known and in range). */
    static void bounds(Fn f, V arrOrStr, V idx, boolean isString, Loc loc, Env env) {
        if (BENCH_UNCHECKED_INDEX) return;
        var b = f.b();
        Value len = Strings.lengthOf(f, arrOrStr, isString);
        if (idx.constVal() instanceof Long l && arrOrStr.knownLen() != null && arrOrStr.knownLen() >= 0 && l >= 0 && l < arrOrStr.knownLen()) return;
        Value bad = b.icmp(ICmp.UGE, idx.value(), len);
        Label fail = b.label("outofbounds"), ok = b.label("inbounds");
        b.condBr(bad, fail, ok);
        b.block(fail);
        Loc at = panicAt(env, loc);
        if (messages(f)) {
            Calls.callRuntime(f, "panicIndex", at, env, idx, new V(len), Strings.constant(f.m(), locString(at)));
            b.unreachable();
        } else PanicSites.stop(f, at);
        b.block(ok);
    }

    /** Panics with a fixed message here (the code after it is unreachable). */
    static void panicMessage(Fn f, String msg, Loc loc, Env env) {
        Loc at = panicAt(env, loc);
        if (!messages(f)) {
            PanicSites.stop(f, at);
            return;
        }
        Calls.callRuntime(f, "panicMessage", at, env, Strings.constant(f.m(), msg), Strings.constant(f.m(), locString(at)));
        f.b().unreachable();
    }

    /** Branches to a panic with msg when bad is true. */
    static void panicIf(Fn f, Value bad, String failHint, String okHint, String msg, Loc loc, Env env) {
        var b = f.b();
        Label fail = b.label(failHint), ok = b.label(okHint);
        b.condBr(bad, fail, ok);
        b.block(fail);
        panicMessage(f, msg, loc, env);
        b.block(ok);
    }

    /** failwith MESSAGE and failwithf FORMAT ARGS. */
    static Val lowerPanic(Fn f, Typed.Panic p, Env env) {
        Loc at = panicAt(env, p.loc());
        if (!messages(f)) {
            // no message to print: a plain message is still evaluated (it may call functions), a format is not
            if (!(p.message() instanceof Typed.Printf || p.message() instanceof Typed.Const)) Expressions.value(f, p.message(), env);
            PanicSites.stop(f, at);
        } else if (p.message() instanceof Typed.Printf pf) {
            Calls.callRuntime(f, "panicStart", at, env, Fn.unit());
            Printf.lower(f, pf, env);
        } else {
            V msg = Expressions.value(f, p.message(), env);
            Calls.callRuntime(f, "panicStart", at, env, Fn.unit());
            Calls.callRuntime(f, "putString", at, env, msg);
        }
        if (messages(f)) {
            Calls.callRuntime(f, "panicEnd", at, env, Strings.constant(f.m(), locString(at)));
            f.b().unreachable();
        }
        return new V(Value.poison(LType.of(p.type(), env)));
    }
}
