/* Board probe for QEMU opentitan (tools/board-probe/run.sh builds it): misa and ids, the reset address, an echoed
   UART byte, 5 rv_timer interrupts 10 ms apart, a load from an unmapped address (mcause 5), exit 42 by semihosting. */
typedef unsigned int u32;
#define R(a) (*(volatile u32 *)(a))
#define UART 0x40000000u
#define TIMER 0x40100000u
static void putc_(char c) { while (R(UART + 0x14) & 1) {} R(UART + 0x1c) = (u32)c; while (!(R(UART + 0x14) & 4)) {} }
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void hex(u32 v) { for (int i = 28; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]); }
static void kv(const char *k, u32 v) { puts_(k); puts_("=0x"); hex(v); putc_('\n'); }
extern void semi(u32 op, void *arg);
__asm__(".section .text.semi\n.balign 16\n.globl semi\nsemi:\n.option push\n.option norvc\nslli x0,x0,0x1f\nebreak\nsrai x0,x0,7\n.option pop\nret\n.text\n");
static void sh_exit(int code) { volatile u32 blk[2] = {0x20026, (u32)code}; semi(0x20, (void *)blk); for (;;) {} }
#define CSRR(n) ({ u32 v; __asm__ volatile("csrr %0, " #n : "=r"(v)); v; })
static volatile u32 ticks; volatile int expect_fault;
static void setcmp(unsigned long long t) { R(TIMER + 0x110) = 0xffffffff; R(TIMER + 0x10c) = (u32)t; R(TIMER + 0x110) = (u32)(t >> 32); }
static unsigned long long now(void) { u32 hi, lo; do { hi = R(TIMER + 0x108); lo = R(TIMER + 0x104); } while (hi != R(TIMER + 0x108)); return ((unsigned long long)hi << 32) | lo; }
#ifndef HZ
#define HZ 10000
#endif
__attribute__((interrupt("machine"), aligned(4))) void trap(void) {
  u32 c = CSRR(mcause);
  if (c == 0x80000007u) { ticks++; setcmp(now() + HZ / 100); return; }
  kv("mcause", c); kv("mepc", CSRR(mepc)); kv("mtval", CSRR(mtval));
  sh_exit(expect_fault ? 42 : 3);
}
int main(void) {
  R(UART + 0x10) = 3;
  puts_("hello opentitan\n");
  kv("misa", CSRR(misa)); kv("marchid", CSRR(marchid)); kv("mimpid", CSRR(mimpid)); kv("mvendorid", CSRR(mvendorid));
  kv("timerctrl", R(TIMER + 4)); kv("cfg0", R(TIMER + 0x100));
  u32 pc; __asm__ volatile("auipc %0, 0" : "=r"(pc)); kv("pc", pc);
  for (u32 t = 0; t < 200000; t++) if (!(R(UART + 0x14) & 0x20)) { puts_("got "); putc_((char)R(UART + 0x18)); putc_('\n'); break; }
  __asm__ volatile("csrw mtvec, %0" : : "r"(trap));
  R(TIMER + 4) = 1;
  unsigned long long t0 = now(); kv("mtime", (u32)t0);
  setcmp(t0 + HZ / 100);
  __asm__ volatile("csrs mie, %0" : : "r"(0x80)); __asm__ volatile("csrsi mstatus, 8");
  while (ticks < 5) __asm__ volatile("wfi");
  __asm__ volatile("csrci mstatus, 8");
  kv("elapsed", (u32)(now() - t0));
  puts_("ticks 5\n");
  u32 c0 = CSRR(mcycle); kv("mcycle", c0);
  expect_fault = 1;
#ifdef STORE
  R(0x0fff0000) = 1;
#else
  kv("load", R(0x00000000));
#endif
  sh_exit(7);
}
