// Hardware intrinsics of Fid.Hardware: volatile MMIO reads and writes (alignment checked), raw
// memory access, CPU instructions (nop, wfi, interrupt masking), the cycle counter, RISC-V CSRs and
// the stack's high-water mark.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Builtin;

import java.util.List;

final class Intrinsics {
    private Intrinsics() { }

    /** 0xE0001004: DWT_CYCCNT, the Cortex-M cycle counter. */
    private static final long DWT_CYCCNT = 0xE0001004L;

    static Val lower(Fn f, Builtin op, List<V> args, Loc loc, Env env) {
        var b = f.b();
        boolean arm = f.m().target.arm();
        switch (op) {
            case MMIO_READ8: return mmioRead(f, 1, args.get(0), loc, env);
            case MMIO_READ16: return mmioRead(f, 2, args.get(0), loc, env);
            case MMIO_READ32: return mmioRead(f, 4, args.get(0), loc, env);
            case MMIO_WRITE8: return mmioWrite(f, 1, args.get(0), args.get(1), loc, env);
            case MMIO_WRITE16: return mmioWrite(f, 2, args.get(0), args.get(1), loc, env);
            case MMIO_WRITE32: return mmioWrite(f, 4, args.get(0), args.get(1), loc, env);
            case CPU_NOP: asm(f, "nop"); return Fn.unit();
            case CPU_WFI: asm(f, "wfi"); return Fn.unit();
            case CPU_DISABLE_IRQ: asm(f, arm ? "cpsid i" : "csrci mstatus, 8"); return Fn.unit();
            case CPU_ENABLE_IRQ: asm(f, arm ? "cpsie i" : "csrsi mstatus, 8"); return Fn.unit();
            case CPU_CYCLES: return cycles(f, loc);
            case STACK_HIGH_WATER: return new V(b.call(IrType.I32, Value.plainGlobal("fid.stackHighWater"), List.of()));
            case ADDRESS_OF_ARRAY: return new V(b.cast(Cast.PTRTOINT, b.extractValue(args.get(0).value(), 0), IrType.I32));
            case LOAD8: return new V(b.load(IrType.I8, address(f, args.get(0)), false, 1));
            case LOAD16: return new V(b.load(IrType.I16, address(f, args.get(0)), false, 1));
            case LOAD32: return new V(b.load(IrType.I32, address(f, args.get(0)), false, 1));
            case STORE8: case STORE16: case STORE32: {
                b.store(args.get(1).value(), address(f, args.get(0)), false, 1);
                return Fn.unit();
            }
            case CSR_READ: case CSR_WRITE: case CSR_SET: case CSR_CLEAR: return csr(f, op, args, loc);
            default:
                throw new IllegalStateException("primitive " + op);
        }
    }

    private static Value address(Fn f, V addr) { return f.b().cast(Cast.INTTOPTR, addr.value(), IrType.PTR); }

    private static void asm(Fn f, String text) { f.b().asm(IrType.VOID, text, "~{memory}", List.of()); }

    private static Val mmioRead(Fn f, int width, V addr, Loc loc, Env env) {
        checkAligned(f, addr, width, loc, env);
        IrType ty = IrType.intOfBytes(width);
        return new V(f.b().load(ty, address(f, addr), true, width));
    }

    private static Val mmioWrite(Fn f, int width, V addr, V value, Loc loc, Env env) {
        checkAligned(f, addr, width, loc, env);
        Value p = address(f, addr);
        f.b().store(value.value(), p, true, width);
        return Fn.unit();
    }

    /** A constant address must be aligned (a compile error); another one is checked when it runs. */
    private static void checkAligned(Fn f, V addr, int width, Loc loc, Env env) {
        if (width == 1) return;
        if (addr.constVal() instanceof Long l) {
            if ((l & (width - 1)) != 0) f.m().find(Finding.Kind.MISALIGNED_MMIO, loc, l, width);
            return;
        }
        Value low = f.b().binary(Bin.AND, addr.value(), Value.i32(width - 1));
        Value bad = f.b().icmp(ICmp.NE, low, Value.i32(0));
        Checks.panicIf(f, bad, "misaligned", "aligned", "misaligned MMIO address", loc, env);
    }

    private static Val cycles(Fn f, Loc loc) {
        ModuleContext m = f.m();
        m.usesCycles = true;
        return switch (m.target.cycleCounter()) {
            case DWT -> new V(f.b().loadVolatile(IrType.I32, f.b().cast(Cast.INTTOPTR, Value.i32(DWT_CYCCNT), IrType.PTR)));
            case MCYCLE -> new V(f.b().asm(IrType.I32, "csrr $0, mcycle", "=r", List.of()));
            case NONE -> {
                m.find(Finding.Kind.NO_CYCLE_COUNTER, loc);
                yield new V(Value.i32(0));
            }
        };
    }

    /** RISC-V control and status registers, named by a constant string (e.g. "mie"). */
    private static Val csr(Fn f, Builtin op, List<V> args, Loc loc) {
        ModuleContext m = f.m();
        if (!(args.get(0).constVal() instanceof String csr) || !csr.matches("[a-z][a-z0-9]*")) {
            m.find(Finding.Kind.CSR_NAME_NOT_CONSTANT, loc);
            return op == Builtin.CSR_READ ? new V(Value.i32(0)) : Fn.unit();
        }
        if (m.target.arm()) {
            m.find(Finding.Kind.NO_CSRS, loc);
            return op == Builtin.CSR_READ ? new V(Value.i32(0)) : Fn.unit();
        }
        if (op == Builtin.CSR_READ) return new V(f.b().asm(IrType.I32, "csrr $0, " + csr, "=r,~{memory}", List.of()));
        String ins = op == Builtin.CSR_WRITE ? "csrw" : op == Builtin.CSR_SET ? "csrs" : "csrc";
        f.b().asm(IrType.VOID, ins + " " + csr + ", $0", "r,~{memory}", List.of(args.get(1).value()));
        return Fn.unit();
    }
}
