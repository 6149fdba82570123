/* Board probe for the Cortex-M QEMU machines mps2-an500, mps2-an505, mps3-an547 (tools/board-probe/run.sh builds it):
   prints CPUID, MVFR0-2, CPACR, VTOR, SysTick CALIB, SAU and CONTROL, echoes a byte from the UART, counts
   5 SysTick interrupts 10 ms apart, then (ARMv8-M) overflows the stack under MSPLIM and prints the fault; exits 42. */
typedef unsigned int u32;
#define R(a) (*(volatile u32 *)(a))
#ifndef UART
#error UART
#endif
static void putc_(char c) { while (R(UART + 4) & 1) {} R(UART) = (u32)c; }
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void hex(u32 v) { for (int i = 28; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]); }
static void kv(const char *k, u32 v) { puts_(k); puts_("=0x"); hex(v); putc_('\n'); }
static void sh_exit(int code) {
  volatile u32 blk[2] = {0x20026, (u32)code};
  register u32 r0 __asm__("r0") = 0x20; register volatile u32 *r1 __asm__("r1") = blk;
  __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
  for (;;) {}
}
static volatile u32 ticks;
void systick(void) { ticks++; }
extern u32 _stack_top, _stack_bottom;
volatile int mode;
void hardfault_c(u32 *sp) {
  kv("HF.MSP", (u32)sp); kv("CFSR", R(0xE000ED28)); kv("HFSR", R(0xE000ED2C)); kv("BFAR", R(0xE000ED38));
  if (mode == 0) kv("stackedPC", sp[6]);
  sh_exit(mode == 1 ? 42 : 3);
}
__attribute__((naked)) void hardfault(void) { __asm__ volatile("ldr r1, =_stack_top\n mrs r0, msp\n msr msp, r1\n b hardfault_c"); }
static int recurse(int n) { volatile char buf[64]; buf[0] = (char)n; return n ? recurse(n - 1) + buf[0] : 0; }
int main(void) {
  R(UART + 8) = 3;
  puts_("hello " BOARD "\n");
  kv("CPUID", R(0xE000ED00)); kv("MVFR0", R(0xE000EF40)); kv("MVFR1", R(0xE000EF44)); kv("MVFR2", R(0xE000EF48));
  kv("CPACR", R(0xE000ED88)); kv("ID_ISAR0", R(0xE000ED60)); kv("VTOR", R(0xE000ED08)); kv("CALIB", R(0xE000E01C));
  kv("ICTR", R(0xE000E004)); kv("SAU_CTRL", R(0xE000EDD0)); kv("SAU_TYPE", R(0xE000EDD4));
  u32 ctrl; __asm__ volatile("mrs %0, control" : "=r"(ctrl)); kv("CONTROL", ctrl);
  /* echo */
  for (u32 t = 0; t < 2000000; t++) if (R(UART + 4) & 2) { puts_("got "); putc_((char)R(UART)); putc_('\n'); break; }
  /* 5 ticks, 10 ms */
  R(0xE000E014) = CPUHZ / 100 - 1; R(0xE000E018) = 0; R(0xE000E010) = 7;
  __asm__ volatile("cpsie i");
  while (ticks < 5) __asm__ volatile("wfi");
  R(0xE000E010) = 0;
  puts_("ticks 5\n");
#ifdef V8M
  __asm__ volatile("msr msplim, %0" : : "r"(&_stack_bottom));
  u32 lim; __asm__ volatile("mrs %0, msplim" : "=r"(lim)); kv("MSPLIM", lim);
  mode = 1;
  recurse(100000);
#endif
#ifdef UDF
  __asm__ volatile("udf #0");
#endif
  sh_exit(42);
}
void reset(void);
__attribute__((section(".vectors"), used)) void *const vectors[16] = {
  &_stack_top, reset, 0, hardfault, hardfault, hardfault, hardfault, hardfault, 0, 0, 0, 0, 0, 0, 0, systick };
void reset(void) {
#ifdef FPU
  R(0xE000ED88) |= 0xF << 20; __asm__ volatile("dsb\nisb");
#endif
  main();
}
