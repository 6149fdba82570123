/* The part of the ARM boards' C start-up that is the same on each (board-*.c): copying .data, zeroing
   .bss, and the exit through ARM semihosting SYS_EXIT_EXTENDED. */
#ifndef ARM_START_H
#define ARM_START_H
#include <stdint.h>

extern uint32_t __stack_top[], __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];

static inline void copy_data_zero_bss(void)
{
    uint32_t *s = __data_load, *d = __data_start;
    while (d < __data_end) *d++ = *s++;
    for (d = __bss_start; d < __bss_end; d++) *d = 0;
}

static void __attribute__((noreturn)) board_exit(int code)
{
    uint32_t block[2] = { 0x20026u, (uint32_t)code };   /* ADP_Stopped_ApplicationExit, code */
    register uint32_t r0 __asm__("r0") = 0x20u;           /* SYS_EXIT_EXTENDED */
    register uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) { }
}
#endif
