/* The empty benchmark: the harness alone. Its image is subtracted from each kernel's image. */
#include "bench.h"

uint32_t run(void) { return bench_opaque(); }
