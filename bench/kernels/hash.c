/* Hash table with open addressing: 700 pseudo-random keys go into 1024 slots (murmur3's
   finalizer as the hash, linear probing), then 700 present and 700 absent keys are looked up.
   The checksum counts the probes and the hits. */
#include <stdint.h>
#include "bench.h"

#define SLOTS 1024
#define KEYS 700

/* 0 marks an empty slot (keys are odd). */
static uint32_t slots[SLOTS];

static uint32_t hash(uint32_t k)
{
    uint32_t h = k;
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    return h ^ (h >> 16);
}

/* Inserts k (if absent); returns the number of occupied slots passed. */
static int insert(uint32_t k)
{
    int i = (int)(hash(k) & (SLOTS - 1));
    int probes = 0;
    while (slots[i] != 0u && slots[i] != k) {
        i = (i + 1) & (SLOTS - 1);
        probes++;
    }
    slots[i] = k;
    return probes;
}

/* The slot of k, or -1; *probes counts the slots looked at. */
static int find(uint32_t k, int *probes)
{
    int i = (int)(hash(k) & (SLOTS - 1));
    int result = -2;
    while (result == -2) {
        probes[0]++;
        uint32_t s = slots[i];
        if (s == k) result = i;
        else if (s == 0u) result = -1;
        else i = (i + 1) & (SLOTS - 1);
    }
    return result;
}

uint32_t run(void)
{
    for (int i = 0; i < SLOTS; i++) slots[i] = 0u;
    uint32_t s = 99u;
    int collisions = 0;
    for (int n = 1; n <= KEYS; n++) {
        s = s * 1664525u + 1013904223u;
        collisions += insert(s | 1u);
    }
    int probes[1] = { 0 };
    int hits = 0, where = 0;
    s = 99u;
    for (int n = 1; n <= KEYS; n++) {
        s = s * 1664525u + 1013904223u;
        int at = find(s | 1u, probes);
        if (at >= 0) {
            hits++;
            where += at;
        }
    }
    for (int n = 1; n <= KEYS; n++) {
        s = s * 1664525u + 1013904223u;
        if (find(s & 0xFFFFFFFEu, probes) >= 0) hits++;
    }
    return ((uint32_t)collisions << 20) ^ ((uint32_t)probes[0] << 8) ^ (uint32_t)hits ^ ((uint32_t)where * 2654435761u);
}
