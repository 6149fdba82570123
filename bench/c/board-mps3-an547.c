/* mps3-an547 (Cortex-M55, Secure, SAU at reset): a two-word vector table, reset (copy .data, zero .bss,
   main, exit), CMSDK APB UART0 at its Secure alias 0x59303000 (CTRL.TX_EN), exit through ARM semihosting
   SYS_EXIT_EXTENDED. The FPU is enabled first: GCC may use FP registers for moves at -O2. */
#include "bench.h"
#include "arm-start.h"

int main(void);

#define UART_DATA  (*(volatile uint32_t *)0x59303000u)
#define UART_STATE (*(volatile uint32_t *)0x59303004u)
#define UART_CTRL  (*(volatile uint32_t *)0x59303008u)
#define CPACR      (*(volatile uint32_t *)0xE000ED88u)
#define MARK       (*(volatile uint32_t *)0xE000ED00u)   /* CPUID */
#define OPAQUE     (*(volatile uint32_t *)0xE000EDD4u)   /* SAU_TYPE */

uint32_t bench_mark(void) { return MARK; }
uint32_t bench_opaque(void) { return OPAQUE; }

void put_char(char c)
{
    while (UART_STATE & 1u) { }
    UART_DATA = (uint8_t)c;
}

void __attribute__((noreturn)) reset_handler(void)
{
    CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    copy_data_zero_bss();
    UART_CTRL = 1u;
    board_exit(main());
}

__attribute__((section(".vectors"), used)) void *const vectors[2] = { __stack_top, (void *)reset_handler };
