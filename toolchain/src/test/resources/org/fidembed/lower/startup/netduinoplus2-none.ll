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
  %cpacr = load volatile i32, ptr inttoptr (i32 -536810104 to ptr)
  %cpacr2 = or i32 %cpacr, 15728640
  store volatile i32 %cpacr2, ptr inttoptr (i32 -536810104 to ptr)
  call void asm sideeffect "dsb\0Aisb", "~{memory}"()
  call void @fid.copy.data()
  call void @fid.zero.bss()
  call void @fid.uart.init()
  call void @fid.init()
  %code = call i32 @fid.main()
  call void @fid.exit(i32 %code)
  unreachable
}
define void @fid.exit(i32 %code) noreturn noinline {
entry:
  %block = getelementptr i8, ptr @_stack_top, i32 -8
  store volatile i32 131110, ptr %block
  %p1 = getelementptr [2 x i32], ptr %block, i32 0, i32 1
  store volatile i32 %code, ptr %p1
  call void asm sideeffect "movs r0, #0x20\0Amov r1, $0\0Abkpt #0xab", "r,~{r0},~{r1},~{memory}"(ptr %block)
  br label %halt
halt:
  call void asm sideeffect "cpsid i\0Awfi", "~{memory}"()
  br label %halt
}
define void @HardFault_Handler() naked noreturn {
entry:
  call void asm sideeffect "mrs r1, msp\0Aldr r0, =_stack_bottom\0Acmp r1, r0\0Abhs 1f\0A3:\0Aldr r0, =_stack_top\0Amsr msp, r0\0Amovs r0, #1\0Amovs r2, #0\0Ab 2f\0A1:\0Aldr r0, =0xE000ED28\0Aldr r0, [r0]\0Aldr r2, [r1, #24]\0Amov r1, r0\0Amovs r0, #0\0A2:\0Abl fid.hardfault", "~{memory}"()
  unreachable
}
define void @fid.hardfault(i32 %kind, i32 %value, i32 %pc) noreturn {
entry:
  call {} @Fid.Runtime.panicFault(i32 %kind, i32 %value, i32 %pc)
  unreachable
}
define void @Default_Handler() noreturn {
entry:
  %n = call i32 asm sideeffect "mrs $0, ipsr", "=r"()
  call {} @Fid.Runtime.panicFault(i32 2, i32 %n, i32 0)
  unreachable
}
@__vectors = constant [4 x ptr] [ptr @_stack_top, ptr @Reset_Handler, ptr @Default_Handler, ptr @HardFault_Handler], section ".vectors", align 4
@llvm.used = appending global [1 x ptr] [ptr @__vectors], section "llvm.metadata"
