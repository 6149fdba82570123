/* Integer matrix multiply: two 16x16 matrices of pseudo-random values in -2048..2047, their
   product twice (C = A*B scaled down, then A*C), and a checksum over the result. */
#include <stdint.h>
#include "bench.h"

#define N 16

static int32_t a[N * N], b[N * N], c[N * N], d[N * N];

static void fill(void)
{
    uint32_t s = 12345u;
    for (int i = 0; i < N * N; i++) {
        s = s * 1664525u + 1013904223u;
        a[i] = (int32_t)(s >> 20) - 2048;
        s = s * 1664525u + 1013904223u;
        b[i] = (int32_t)(s >> 20) - 2048;
    }
}

/* result = x * y, row-major N x N, each sum shifted right by shift. */
static void multiply(const int32_t *x, const int32_t *y, int32_t *result, int shift)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < N; k++)
                sum += x[i * N + k] * y[k * N + j];
            result[i * N + j] = sum >> shift;
        }
}

uint32_t run(void)
{
    fill();
    multiply(a, b, c, 12);
    multiply(a, c, d, 8);
    uint32_t h = 0;
    for (int i = 0; i < N * N; i++)
        h = h * 31u + (uint32_t)d[i];
    return h;
}
