/* riscv32-virt (RV32IMAC): reset stub at 0x80000000 (stack, then c_start: copy .data, zero .bss,
   main, exit), NS16550A UART at 0x10000000, exit through the sifive_test finisher at 0x100000. */
#include "bench.h"

extern uint32_t __stack_top[], __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
int main(void);

#define UART_THR (*(volatile uint8_t *)0x10000000u)
#define UART_LSR (*(volatile uint8_t *)0x10000005u)
#define FINISHER (*(volatile uint32_t *)0x00100000u)
#define MARK     (*(volatile uint32_t *)0x00001000u)   /* boot ROM */
#define OPAQUE   (*(volatile uint32_t *)0x00001004u)

uint32_t bench_mark(void) { return MARK; }
uint32_t bench_opaque(void) { return OPAQUE; }

void put_char(char c)
{
    while (!(UART_LSR & 0x20u)) { }
    UART_THR = (uint8_t)c;
}

void __attribute__((noreturn)) c_start(void)
{
    uint32_t *s = __data_load, *d = __data_start;
    while (d < __data_end) *d++ = *s++;
    for (d = __bss_start; d < __bss_end; d++) *d = 0;
    int code = main();
    FINISHER = code == 0 ? 0x5555u : ((uint32_t)code << 16) | 0x3333u;
    for (;;) { }
}

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "  la sp, __stack_top\n"
        "  j c_start\n");
