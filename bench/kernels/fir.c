/* Fixed-point DSP: a 32-tap FIR filter in Q15 over 512 pseudo-random samples, saturated to
   16 bits, then a first-order IIR low-pass (alpha = 0.125 in Q15) over the filtered signal. */
#include <stdint.h>
#include "bench.h"

#define TAPS 32
#define SAMPLES 512

static int16_t coeffs[TAPS], input[SAMPLES], output[SAMPLES];

static int32_t saturate(int32_t v) { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }

static void fill(void)
{
    for (int i = 0; i < TAPS; i++)
        coeffs[i] = (int16_t)((i + 1) * (TAPS - i) * 5);
    uint32_t s = 2024u;
    for (int i = 0; i < SAMPLES; i++) {
        s = s * 1664525u + 1013904223u;
        input[i] = (int16_t)(s >> 16);
    }
}

static void fir(void)
{
    for (int n = 0; n < SAMPLES; n++) {
        int32_t acc = 0;
        int first = n < TAPS - 1 ? n : TAPS - 1;
        for (int k = 0; k <= first; k++)
            acc += coeffs[k] * input[n - k];
        output[n] = (int16_t)saturate((acc + 0x4000) >> 15);
    }
}

static void low_pass(void)
{
    int32_t y = 0;
    for (int n = 0; n < SAMPLES; n++) {
        y += ((output[n] - y) * 4096) >> 15;
        output[n] = (int16_t)saturate(y);
    }
}

uint32_t run(void)
{
    fill();
    fir();
    low_pass();
    uint32_t h = 0;
    for (int n = 0; n < SAMPLES; n++)
        h = ((h << 5) | (h >> 27)) ^ (uint16_t)output[n];
    return h;
}
