/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the 256-entry table is built, then four
   1 KiB buffers of pseudo-random bytes are checksummed, byte by byte through the table. */
#include <stdint.h>
#include "bench.h"

#define LEN 1024

static uint8_t data[LEN];
static uint32_t table[256];

static void make_table(void)
{
    for (int n = 0; n <= 255; n++) {
        uint32_t c = (uint32_t)n;
        for (int k = 0; k <= 7; k++)
            c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

/* Fills the buffer from a linear congruential generator (the top byte of each state). */
static void fill(uint32_t seed)
{
    uint32_t s = seed;
    for (int i = 0; i < LEN; i++) {
        s = s * 1664525u + 1013904223u;
        data[i] = (uint8_t)(s >> 24);
    }
}

static uint32_t crc(const uint8_t *buf, int len)
{
    uint32_t c = 0xFFFFFFFFu;
    for (int i = 0; i < len; i++)
        c = table[(c ^ buf[i]) & 0xFFu] ^ (c >> 8);
    return ~c;
}

uint32_t run(void)
{
    make_table();
    uint32_t acc = 0;
    for (int round = 1; round <= 4; round++) {
        fill((uint32_t)round);
        acc = ((acc << 1) | (acc >> 31)) ^ crc(data, LEN);
    }
    return acc;
}
