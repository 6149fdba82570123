/* lm3s6965evb (Cortex-M3): a two-word vector table, reset (copy .data, zero .bss, main, exit),
   PL011 UART0 at 0x4000C000, exit through ARM semihosting SYS_EXIT_EXTENDED. */
#include "bench.h"
#include "arm-start.h"

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

void __attribute__((noreturn)) reset_handler(void)
{
    copy_data_zero_bss();
    board_exit(main());
}

__attribute__((section(".vectors"), used)) void *const vectors[2] = { __stack_top, (void *)reset_handler };
