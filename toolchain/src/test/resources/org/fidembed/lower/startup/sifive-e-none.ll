@_stack_bottom = external global i8
@_stack_top = external global i8
@__data_load = external global i8
@__data_start = external global i8
@__data_end = external global i8
@__bss_start = external global i8
@__bss_end = external global i8
@__ramfunc_load = external global i8
@__ramfunc_start = external global i8
@__ramfunc_end = external global i8
@fid.overflowing = internal global i8 0
define internal void @fid.copy(ptr %dst, ptr %src, ptr %end) "no-builtins" {
entry:
  br label %loop
loop:
  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
  %s = phi ptr [ %src, %entry ], [ %s2, %body ]
  %more = icmp ult ptr %d, %end
  br i1 %more, label %body, label %done
body:
  %v = load volatile i8, ptr %s
  store volatile i8 %v, ptr %d
  %d2 = getelementptr i8, ptr %d, i32 1
  %s2 = getelementptr i8, ptr %s, i32 1
  br label %loop
done:
  ret void
}
define internal void @fid.copy.data() noinline "no-builtins" {
entry:
  call void @fid.copy(ptr @__data_start, ptr @__data_load, ptr @__data_end)
  ret void
}
define internal void @fid.zero.bss() noinline "no-builtins" {
entry:
  call void @fid.fill(ptr @__bss_start, ptr @__bss_end, i8 0)
  ret void
}
define internal void @fid.fill(ptr %dst, ptr %end, i8 %value) "no-builtins" {
entry:
  br label %loop
loop:
  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
  %more = icmp ult ptr %d, %end
  br i1 %more, label %body, label %done
body:
  store volatile i8 %value, ptr %d
  %d2 = getelementptr i8, ptr %d, i32 1
  br label %loop
done:
  ret void
}
define internal i32 @fid.stackHighWater() { entry:
  ret i32 -1
}
define void @Reset_Handler() noreturn "no-builtins" {
entry:
  call void @fid.copy.data()
  call void @fid.zero.bss()
  call void @fid.uart.init()
  call void @fid.init()
  %code = call i32 @fid.main()
  call void @fid.exit(i32 %code)
  unreachable
}
module asm ".section .text.fid_semihost,\22ax\22,@progbits"
module asm ".balign 16"
module asm ".globl fid_semihost_call"
module asm "fid_semihost_call:"
module asm ".option push"
module asm ".option norvc"
module asm "slli x0, x0, 0x1f"
module asm "ebreak"
module asm "srai x0, x0, 7"
module asm ".option pop"
module asm "ret"
declare void @fid_semihost_call(i32, ptr)
define void @fid.exit(i32 %code) noreturn noinline {
entry:
  %block = getelementptr i8, ptr @_stack_top, i32 -8
  store volatile i32 131110, ptr %block
  %p1 = getelementptr [2 x i32], ptr %block, i32 0, i32 1
  store volatile i32 %code, ptr %p1
  call void @fid_semihost_call(i32 32, ptr %block)
  br label %halt
halt:
  call void asm sideeffect "csrci mstatus, 8\0Awfi", "~{memory}"()
  br label %halt
}
module asm ".section .text.start,\22ax\22,@progbits"
module asm ".globl _start"
module asm "_start:"
module asm ".option push"
module asm ".option norelax"
module asm "la sp, _stack_top"
module asm "la t0, fid.trap.entry"
module asm "csrw mtvec, t0"
module asm ".option pop"
module asm "call Reset_Handler"
module asm "1: j 1b"
module asm ".text"
module asm ".p2align 2"
module asm "fid.trap.entry:"
module asm "csrw mscratch, t0"
module asm "la t0, _stack_bottom"
module asm "bltu sp, t0, 1f"
module asm "csrr t0, mscratch"
module asm "j fid.trap"
module asm "1:"
module asm "mv a0, sp"
module asm "la sp, _stack_top"
module asm "csrr a1, mepc"
module asm "call fid.stackoverflow"
module asm ".text"
define void @fid.stackoverflow(i32 %sp, i32 %pc) noreturn {
entry:
  %again = load volatile i8, ptr @fid.overflowing
  %twice = icmp ne i8 %again, 0
  br i1 %twice, label %quit, label %first
first:
  store volatile i8 1, ptr @fid.overflowing
  call {} @Fid.Runtime.panicFault(i32 1, i32 %sp, i32 %pc)
  unreachable
quit:
  call void @fid.exit(i32 101)
  unreachable
}
define void @fid.trap() noreturn {
entry:
  %cause = call i32 asm sideeffect "csrr $0, mcause", "=r"()
  %isirq = icmp slt i32 %cause, 0
  br i1 %isirq, label %irq, label %fault
irq:
  %num = and i32 %cause, 2147483647
  switch i32 %num, label %nohandler [ ]
nohandler:
  call {} @Fid.Runtime.panicFault(i32 2, i32 %cause, i32 0)
  unreachable
fault:
  %pc = call i32 asm sideeffect "csrr $0, mepc", "=r"()
  call {} @Fid.Runtime.panicFault(i32 0, i32 %cause, i32 %pc)
  unreachable
}
