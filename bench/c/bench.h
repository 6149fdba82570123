/* The C side of the benchmarks: each kernel defines run(), which does all the measured work and
   returns a checksum; main.c calls it between the two marker reads and prints the checksum. */
#ifndef BENCH_H
#define BENCH_H
#include <stdint.h>

uint32_t run(void);

/* board-*.c */
void put_char(char c);
uint32_t bench_mark(void);   /* the marker read the instruction-counting plugin watches */
uint32_t bench_opaque(void); /* a value the compiler cannot know (the empty benchmark) */
#endif
