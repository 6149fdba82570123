/* A number scanner in the manner of CoreMark's state machine: a 2000-byte text of comma-separated
   fields (integers, decimals, scientific notation and junk, chosen pseudo-randomly from 16
   patterns) is built, then scanned one byte at a time by a state machine whose states carry the
   value read so far. Each field is classified when its comma arrives; three texts are scanned. */
#include <stdbool.h>
#include <stdint.h>
#include "bench.h"

#define LEN 2000
#define COMMA ','

static const char *const patterns[16] = {
    "5012", "1234", "-874", "+122", "35.54", ".1234", "-110.700", "+0.64",
    "5.500e+3", "-.123e-2", "-87e+832", "+0.6e-12", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z", "34.0e-T^" };

static uint8_t text[LEN];

enum kind { START, SIGN, INT, FRACTION, EXPONENT, EXPONENT_SIGN, SCIENTIFIC, INVALID };

struct state {
    enum kind kind;
    bool negative;
    int32_t value;      /* INT: the value; FRACTION, SCIENTIFIC: the digits */
};

static int length(const char *s)
{
    int n = 0;
    while (s[n]) n++;
    return n;
}

/* Fills the text with fields and commas; returns its length. */
static int build(uint32_t seed)
{
    uint32_t s = seed;
    int n = 0;
    while (n + 10 < LEN) {
        s = s * 1664525u + 1013904223u;
        const char *p = patterns[(s >> 16) & 15u];
        int len = length(p);
        for (int i = 0; i < len; i++) text[n + i] = (uint8_t)p[i];
        text[n + len] = COMMA;
        n += len + 1;
    }
    return n;
}

static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

static struct state make(enum kind k, bool negative, int32_t value)
{
    struct state s = { k, negative, value };
    return s;
}

static struct state step(struct state st, uint8_t c)
{
    switch (st.kind) {
    case START:
        if (is_digit(c)) return make(INT, false, c - '0');
        if (c == '+' || c == '-') return make(SIGN, c == '-', 0);
        if (c == '.') return make(FRACTION, false, 0);
        return make(INVALID, false, 0);
    case SIGN:
        if (is_digit(c)) return make(INT, st.negative, c - '0');
        if (c == '.') return make(FRACTION, false, 0);
        return make(INVALID, false, 0);
    case INT:
        if (is_digit(c)) return make(INT, st.negative, st.value * 10 + (c - '0'));
        if (c == '.') return make(FRACTION, false, 0);
        if (c == 'E' || c == 'e') return make(EXPONENT, false, 0);
        return make(INVALID, false, 0);
    case FRACTION:
        if (is_digit(c)) return make(FRACTION, false, st.value + 1);
        if (c == 'E' || c == 'e') return make(EXPONENT, false, 0);
        return make(INVALID, false, 0);
    case EXPONENT:
        if (c == '+' || c == '-') return make(EXPONENT_SIGN, false, 0);
        if (is_digit(c)) return make(SCIENTIFIC, false, 1);
        return make(INVALID, false, 0);
    case EXPONENT_SIGN:
        return is_digit(c) ? make(SCIENTIFIC, false, 1) : make(INVALID, false, 0);
    case SCIENTIFIC:
        return is_digit(c) ? make(SCIENTIFIC, false, st.value + 1) : make(INVALID, false, 0);
    default:
        return make(INVALID, false, 0);
    }
}

/* Scans text[0 .. len - 1]; returns a checksum of the classified fields. */
static uint32_t scan(int len)
{
    struct state st = make(START, false, 0);
    int32_t ints = 0, sum = 0, fractions = 0, scientific = 0, invalid = 0, other = 0;
    for (int i = 0; i < len; i++) {
        uint8_t c = text[i];
        if (c == COMMA) {
            switch (st.kind) {
            case INT: ints++; sum += st.negative ? -st.value : st.value; break;
            case FRACTION: fractions += st.value; break;
            case SCIENTIFIC: scientific += st.value; break;
            case INVALID: invalid++; break;
            default: other++; break;
            }
            st = make(START, false, 0);
        } else {
            st = step(st, c);
        }
    }
    return (uint32_t)sum * 2654435761u + ((uint32_t)ints << 24) + ((uint32_t)fractions << 16)
         + ((uint32_t)scientific << 8) + ((uint32_t)invalid << 4) + (uint32_t)other;
}

uint32_t run(void)
{
    uint32_t h = 0;
    for (int round = 1; round <= 3; round++) {
        int n = build((uint32_t)round);
        h = (h * 33u) ^ scan(n);
    }
    return h;
}
