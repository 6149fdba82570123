// The typed IR builder: type spellings and layout under the 32-bit ABIs, constants, and the text
// of a small function (parameters, slots in the entry block, blocks, a dead block after a return).
package org.fidembed.lower.ir;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IrBuilderTest {
    @Test
    void typesAreSpelledAndLaidOutAsLlvmDoes() {
        IrType union = IrType.struct(IrType.I8, new IrType.Array(3, IrType.I32));
        assertEquals("{ i8, [3 x i32] }", union.toString());
        assertEquals(16, union.size());
        assertEquals(4, union.align());
        IrType mixed = IrType.struct(IrType.I1, IrType.DOUBLE, IrType.I16);
        assertEquals(24, mixed.size());
        assertEquals(8, mixed.align());
        assertEquals("{}", IrType.UNIT.toString());
        assertEquals(0, IrType.UNIT.size());
        assertEquals("i32 (ptr, double)", new IrType.Function(IrType.I32, List.of(IrType.PTR, IrType.DOUBLE)).toString());
        assertThrows(IllegalStateException.class, IrType.VOID::size);
    }

    @Test
    void constantsWrapToTheirWidth() {
        assertEquals("i8 -1", Value.intConst(IrType.I8, 255).typed());
        assertEquals("i1 true", Value.intConst(IrType.I1, 3).typed());
        assertEquals("i16 65535", Value.intExact(IrType.I16, 65535).typed());
        assertEquals("float 0x3FB99999A0000000", Value.floatConst(IrType.FLOAT, 0.1).typed());
        assertEquals("{ ptr, i32 } { ptr @\"a.b\", i32 2 }",
                Value.struct(IrType.struct(IrType.PTR, IrType.I32), Value.global("a.b"), Value.i32(2)).typed());
        assertEquals("[2 x i8] c\"a\\22\"", Value.asciiBytes("a\"").typed());
        assertEquals("a.b", Value.global("a.b").symbol());
    }

    @Test
    void aFunctionHasItsSlotsFirstAndEveryBlockTerminated() {
        FunctionBuilder b = new FunctionBuilder();
        Value p = FunctionBuilder.param("p0", IrType.I32);
        Value slot = b.alloca(IrType.I32);
        b.store(p, slot);
        FunctionBuilder.Label then = b.label("then"), other = b.label("else");
        Value neg = b.icmp(IrOp.ICmp.SLT, b.load(IrType.I32, slot), Value.i32(0));
        b.condBr(neg, then, other);
        b.block(then);
        b.ret(b.binary(IrOp.Bin.SUB, Value.i32(0), p));
        b.block(other);
        b.ret(p);
        b.ret(Value.i32(1));
        String text = b.finish(FunctionBuilder.Linkage.INTERNAL, IrType.I32, Value.global("M.abs"), List.of(p), List.of("noinline"), null);
        assertEquals("""
                define internal i32 @"M.abs"(i32 %p0) noinline section ".text.M.abs" {
                entry:
                  %s0 = alloca i32
                  store i32 %p0, ptr %s0
                  %t0 = load i32, ptr %s0
                  %t1 = icmp slt i32 %t0, 0
                  br i1 %t1, label %then.0, label %else.1
                then.0:
                  %t2 = sub i32 0, %p0
                  ret i32 %t2
                else.1:
                  ret i32 %p0
                dead.2:
                  ret i32 1
                }
                """, text);
    }

    @Test
    void theModuleDeclaresEachIntrinsicOnce() {
        ModuleBuilder m = new ModuleBuilder();
        IrType.Function sqrt = new IrType.Function(IrType.DOUBLE, List.of(IrType.DOUBLE));
        assertEquals("@llvm.sqrt.f64", m.declare("llvm.sqrt.f64", sqrt).ref());
        m.declare("llvm.sqrt.f64", sqrt);
        m.global(Value.global("g"), ModuleBuilder.GlobalKind.CONSTANT, Value.i32(7));
        assertEquals("@\"g\" = internal constant i32 7\n@x = 1\ndeclare double @llvm.sqrt.f64(double)\n", m.text("@x = 1\n"));
    }
}
