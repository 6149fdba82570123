/* Heapsort of 600 pseudo-random ints, then a check that the result is ordered and a checksum
   that depends on every element's position. */
#include <stdint.h>
#include "bench.h"

#define LEN 600

static int32_t values[LEN];

static void fill(void)
{
    uint32_t s = 7u;
    for (int i = 0; i < LEN; i++) {
        s = s * 1664525u + 1013904223u;
        values[i] = (int32_t)(s >> 8) - 0x800000;
    }
}

/* Moves a[root] down until both children are smaller (a max-heap over a[0 .. last]). */
static void sift_down(int32_t *a, int start, int last)
{
    int root = start;
    for (;;) {
        int child = 2 * root + 1;
        if (child > last) break;
        int top = root;
        if (a[top] < a[child]) top = child;
        if (child + 1 <= last && a[top] < a[child + 1]) top = child + 1;
        if (top == root) break;
        int32_t t = a[root];
        a[root] = a[top];
        a[top] = t;
        root = top;
    }
}

static void heapsort(int32_t *a, int n)
{
    for (int start = (n - 2) / 2; start >= 0; start--)
        sift_down(a, start, n - 1);
    for (int last = n - 1; last >= 1; last--) {
        int32_t t = a[0];
        a[0] = a[last];
        a[last] = t;
        sift_down(a, 0, last - 1);
    }
}

uint32_t run(void)
{
    fill();
    heapsort(values, LEN);
    uint32_t h = 0, ordered = 1;
    for (int i = 0; i < LEN; i++) {
        if (i > 0 && values[i - 1] > values[i]) ordered = 0;
        h = (h ^ (uint32_t)values[i]) * 16777619u;
    }
    return h + ordered;
}
