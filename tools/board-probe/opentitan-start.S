/* Reset stub of the opentitan probe: a stack in RAM, then main. */
.section .text.start
.globl _start
_start:
  la sp, _stack_top
  call main
1: j 1b
