/* The harness, the same as the F# side's main: marker, run (), marker, the checksum in hex. */
#include "bench.h"

static void put_hex32(uint32_t v)
{
    for (int shift = 28; shift >= 0; shift -= 4) {
        uint32_t d = (v >> shift) & 0xFu;
        put_char((char)(d < 10u ? '0' + d : 'a' + d - 10u));
    }
}

int main(void)
{
    bench_mark();
    uint32_t c = run();
    bench_mark();
    put_hex32(c);
    put_char('\n');
    return 0;
}
