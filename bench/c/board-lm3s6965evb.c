/* lm3s6965evb (Cortex-M3): a two-word vector table, reset (copy .data, zero .bss, main, exit),
   PL011 UART0 at 0x4000C000, exit through ARM semihosting SYS_EXIT_EXTENDED. */
#include "bench.h"

extern uint32_t __stack_top[], __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
int main(void);

#define UART_DR (*(volatile uint32_t *)0x4000C000u)
#define UART_FR (*(volatile uint32_t *)0x4000C018u)
#define MARK    (*(volatile uint32_t *)0x400FE000u)   /* SYSCTL DID0 */
#define OPAQUE  (*(volatile uint32_t *)0x400FE004u)   /* SYSCTL DID1 */

uint32_t bench_mark(void) { return MARK; }
uint32_t bench_opaque(void) { return OPAQUE; }

void put_char(char c)
{
    while (UART_FR & 0x20u) { }
    UART_DR = (uint8_t)c;
}

static void __attribute__((noreturn)) board_exit(int code)
{
    uint32_t block[2] = { 0x20026u, (uint32_t)code };   /* ADP_Stopped_ApplicationExit, code */
    register uint32_t r0 __asm__("r0") = 0x20u;           /* SYS_EXIT_EXTENDED */
    register uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) { }
}

void __attribute__((noreturn)) reset_handler(void)
{
    uint32_t *s = __data_load, *d = __data_start;
    while (d < __data_end) *d++ = *s++;
    for (d = __bss_start; d < __bss_end; d++) *d = 0;
    board_exit(main());
}

__attribute__((section(".vectors"), used)) void *const vectors[2] = { __stack_top, (void *)reset_handler };
