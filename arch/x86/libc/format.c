// The formatting core (format.h). Conversions follow C11 7.21.6.1; floating-point values are taken
// apart from their bits, so no maths library is needed.
#include "format.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum { flag_left = 1, flag_zero = 2, flag_plus = 4, flag_space = 8, flag_alt = 16 };
static const char flag_chars[] = "-0+ #";  // in the order of the flags' bits

struct spec {
    unsigned flags;
    int width;      // 0 when none is given
    int precision;  // -1 when none is given
    char conv;
};

// The output, gathered into runs: a console behind `put` is called once per run, not per character.
struct out {
    void (*put)(void* ctx, const char* text, size_t length);
    void* ctx;
    unsigned long long count;  // every character so far, handed over or not; 64 bits even on i386
    size_t used;
    char buf[64];
};

static void flush(struct out* o) {
    if (o->used > 0) o->put(o->ctx, o->buf, o->used);
    o->used = 0;
}

static void emit(struct out* o, const char* s, size_t n) {
    o->count += n;
    if (n > sizeof o->buf - o->used) {
        flush(o);
        if (n > sizeof o->buf) {  // too long to gather: handed over as it stands
            o->put(o->ctx, s, n);
            return;
        }
    }
    for (size_t i = 0; i < n; ++i) o->buf[o->used++] = s[i];
}

static void emit_char(struct out* o, char c) { emit(o, &c, 1); }

static void repeat(struct out* o, char c, size_t n) {
    while (n-- > 0) emit_char(o, c);
}

// What the width leaves over a field of `length` characters.
static size_t fill(const struct spec* s, size_t length) {
    return (size_t)s->width > length ? (size_t)s->width - length : 0;
}

static void pad_before(struct out* o, const struct spec* s, size_t length) {
    if (!(s->flags & flag_left)) repeat(o, ' ', fill(s, length));
}

static void pad_after(struct out* o, const struct spec* s, size_t length) {
    if (s->flags & flag_left) repeat(o, ' ', fill(s, length));
}

// c, s, and the words (nil), inf and nan: padded with spaces only, whatever the flags.
static void format_text(struct out* o, const struct spec* s, const char* text, size_t n) {
    pad_before(o, s, n);
    emit(o, text, n);
    pad_after(o, s, n);
}

// d i u o x X p. A sign flag counts for p too, as in glibc.
static void format_integer(struct out* o, const struct spec* s, uintmax_t magnitude, bool negative) {
    char digits[3 * sizeof magnitude];  // octal needs the most: 22 for 64 bits
    const char* set = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    bool hex = s->conv == 'x' || s->conv == 'X' || s->conv == 'p';
    unsigned base = s->conv == 'o' ? 8 : hex ? 16 : 10;
    bool zero = magnitude == 0;
    char* end = digits + sizeof digits;
    char* p = end;
    for (; magnitude != 0; magnitude /= base) *--p = set[magnitude % base];
    size_t n = (size_t)(end - p);
    size_t precision = s->precision < 0 ? 1 : (size_t)s->precision;
    size_t zeros = precision > n ? precision - n : 0;
    if (s->conv == 'o' && (s->flags & flag_alt) && zeros == 0) zeros = 1;  // # makes the first digit 0

    char prefix[3];
    size_t prefix_n = 0;
    bool is_signed = s->conv == 'd' || s->conv == 'i' || s->conv == 'p';
    if (negative) prefix[prefix_n++] = '-';
    else if (is_signed && (s->flags & flag_plus)) prefix[prefix_n++] = '+';
    else if (is_signed && (s->flags & flag_space)) prefix[prefix_n++] = ' ';
    if (hex && !zero && (s->conv == 'p' || (s->flags & flag_alt))) {
        prefix[prefix_n++] = '0';
        prefix[prefix_n++] = s->conv == 'X' ? 'X' : 'x';
    }
    size_t length = prefix_n + zeros + n;
    // A precision asks for its digits; then the 0 flag asks for nothing.
    if ((s->flags & (flag_zero | flag_left)) == flag_zero && s->precision < 0) {
        size_t more = fill(s, length);
        zeros += more;
        length += more;
    }
    pad_before(o, s, length);
    emit(o, prefix, prefix_n);
    repeat(o, '0', zeros);
    emit(o, p, n);
    pad_after(o, s, length);
}

// The decimal digits of a finite x >= 0, most significant first: exact for 0 and for
// 2^-76 <= x < 2^64, where the integer part fits 64 bits and the fraction 128; elsewhere an
// approximation of 17 significant digits, then zeros.
struct decimal {
    char buf[20];      // the integer part's digits, or the approximation's
    const char* head;  // those of them not yet taken
    size_t head_len;
    uint32_t frac[4];  // the fraction below them in fixed point, frac[0] the most significant
    int point;         // the power of ten of the first digit
};

static void set_head(struct decimal* d, uint64_t v) {
    char* p = d->buf + sizeof d->buf;
    for (; v != 0; v /= 10) *--p = (char)('0' + v % 10);
    d->head = p;
    d->head_len = (size_t)(d->buf + sizeof d->buf - p);
    d->point = (int)d->head_len - 1;
}

// y * 10^n, the power by squaring: a few roundings in long double's 64-bit mantissa.
static long double scale10(long double y, int n) {
    long double power = 1, square = 10;
    for (unsigned k = n < 0 ? 0u - (unsigned)n : (unsigned)n; k != 0; k >>= 1, square *= square)
        if (k & 1) power *= square;
    return n < 0 ? y / power : y * power;
}

// x = m * 2^e outside the exact range: x / 10^p10 scaled into [1e16, 1e17) and rounded.
static void decimal_approximate(struct decimal* d, double x, int e) {
    int p10 = (e + 52) * 30103 / 100000 - 16;  // log10(2) is 0.30103; the loops mend the estimate
    long double y = scale10(x, -p10);
    for (; y >= 1e17L; ++p10) y /= 10;
    for (; y < 1e16L; --p10) y *= 10;
    uint64_t v = (uint64_t)(y + 0.5L);
    if (v == UINT64_C(100000000000000000)) {
        v /= 10;
        ++p10;
    }
    set_head(d, v);
    d->point += p10;
}

// The fraction f * 2^(shift - 128), f below 2^(128 - shift), in 128-bit fixed point.
static void set_fraction(struct decimal* d, uint64_t f, int shift) {
    uint64_t hi = shift >= 64 ? f << (shift - 64) : shift == 0 ? 0 : f >> (64 - shift);
    uint64_t lo = shift >= 64 ? 0 : f << shift;
    d->frac[0] = (uint32_t)(hi >> 32);
    d->frac[1] = (uint32_t)hi;
    d->frac[2] = (uint32_t)(lo >> 32);
    d->frac[3] = (uint32_t)lo;
}

static void decimal_init(struct decimal* d, double x) {
    union { double f; uint64_t u; } bits = {x};
    int biased = (int)(bits.u >> 52);
    uint64_t m = bits.u & ((UINT64_C(1) << 52) - 1);
    if (biased != 0) m |= UINT64_C(1) << 52;
    int e = (biased != 0 ? biased : 1) - 1075;  // x = m * 2^e
    for (int i = 0; i < 4; ++i) d->frac[i] = 0;
    if (m == 0) {
        set_head(d, 0);
    } else if (e > 11 || e < -128) {
        decimal_approximate(d, x, e);
    } else if (e >= 0) {
        set_head(d, m << e);
    } else {
        set_head(d, e > -64 ? m >> -e : 0);
        set_fraction(d, e > -64 ? m & ((UINT64_C(1) << -e) - 1) : m, 128 + e);
    }
}

static bool frac_zero(const struct decimal* d) {
    return (d->frac[0] | d->frac[1] | d->frac[2] | d->frac[3]) == 0;
}

// The fraction's next digit: what crosses the point when it is multiplied by ten.
static int frac_digit(struct decimal* d) {
    uint64_t carry = 0;
    for (int i = 3; i >= 0; --i) {
        uint64_t t = (uint64_t)d->frac[i] * 10 + carry;
        d->frac[i] = (uint32_t)t;
        carry = t >> 32;
    }
    return (int)carry;
}

// For %e: moves past the zeros before the first significant digit; zero itself is 0e+00.
static void decimal_normalize(struct decimal* d) {
    if (d->head_len > 0) return;
    if (frac_zero(d)) {
        d->point = 0;
        return;
    }
    int digit;
    while ((digit = frac_digit(d)) == 0) --d->point;
    d->buf[0] = (char)('0' + digit);
    d->head = d->buf;
    d->head_len = 1;
}

// The digits a conversion prints, in order: for %f below 1, the zeros from the units digit down to
// the value's first digit come first.
struct digits {
    struct decimal dec;
    size_t lead;
};

static void start(struct digits* ds, double x, char style) {
    decimal_init(&ds->dec, x);
    ds->lead = 0;
    if (style == 'e') decimal_normalize(&ds->dec);
    else if (ds->dec.point < 0) ds->lead = (size_t)-ds->dec.point;
}

static int take(struct digits* ds) {
    struct decimal* d = &ds->dec;
    if (ds->lead > 0) {
        --ds->lead;
        return 0;
    }
    if (d->head_len > 0) {
        --d->head_len;
        return *d->head++ - '0';
    }
    return frac_digit(d);
}

static bool rest_nonzero(const struct digits* ds) {
    for (size_t i = 0; i < ds->dec.head_len; ++i)
        if (ds->dec.head[i] != '0') return true;
    return !frac_zero(&ds->dec);
}

// How the first n digits round, found in a first pass so that the second can print them, padding
// included, without a buffer. Indices count from 1; 0 is none.
struct rounding {
    bool up;
    bool carry;         // all n digits are 9 and round up: a 1 and zeros
    size_t last_not_9;  // rounding up adds one here and zeroes what follows
    size_t last_not_0;
};

static struct rounding plan(struct digits* ds, size_t n) {
    struct rounding r = {false, false, 0, 0};
    int d = 0;
    for (size_t i = 1; i <= n; ++i) {
        d = take(ds);
        if (d != 9) r.last_not_9 = i;
        if (d != 0) r.last_not_0 = i;
    }
    int next = take(ds);
    r.up = next > 5 || (next == 5 && (rest_nonzero(ds) || (d & 1)));  // a tie goes to the even digit
    r.carry = r.up && r.last_not_9 == 0;
    return r;
}

// f F e E g G.
static void format_float(struct out* o, const struct spec* s, double x) {
    union { double f; uint64_t u; } bits = {x};
    bool negative = bits.u >> 63;
    bits.u &= ~(UINT64_C(1) << 63);
    char sign = negative ? '-' : (s->flags & flag_plus) ? '+' : (s->flags & flag_space) ? ' ' : 0;
    bool upper = s->conv >= 'A' && s->conv <= 'Z';
    if (bits.u >> 52 == 0x7ff) {
        const char* word = (bits.u << 12) != 0 ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        char text[4];
        size_t n = 0;
        if (sign) text[n++] = sign;
        for (int i = 0; i < 3; ++i) text[n++] = word[i];
        format_text(o, s, text, n);
        return;
    }
    char style = (char)(s->conv | 0x20);  // f, e or g, in lower case
    int precision = s->precision < 0 ? 6 : s->precision;
    bool strip = false;  // %g drops the fraction's trailing zeros, and a point with nothing after it
    struct digits ds;
    if (style == 'g') {
        int p = precision == 0 ? 1 : precision;
        start(&ds, bits.f, 'e');
        struct rounding r = plan(&ds, (size_t)p);
        int exp10 = ds.dec.point + r.carry;  // the exponent %e would print at p digits
        style = p > exp10 && exp10 >= -4 ? 'f' : 'e';
        precision = style == 'e' ? p - 1 : p - 1 - exp10;
        strip = !(s->flags & flag_alt);
    }

    start(&ds, bits.f, style);
    int exp10 = ds.dec.point;
    size_t whole = style == 'e' || exp10 < 0 ? 1 : (size_t)exp10 + 1;  // digits before the point
    struct rounding r = plan(&ds, whole + (size_t)precision);
    if (r.carry && style == 'e') ++exp10;
    else if (r.carry) ++whole;
    size_t fraction = (size_t)precision;
    if (strip) {
        size_t last = r.carry ? 1 : r.up ? r.last_not_9 : r.last_not_0;
        fraction = last > whole ? last - whole : 0;
    }
    bool point = fraction > 0 || (s->flags & flag_alt);
    char exponent[5];
    size_t exponent_n = 0;
    if (style == 'e') {
        unsigned e = exp10 < 0 ? 0u - (unsigned)exp10 : (unsigned)exp10;
        exponent[exponent_n++] = upper ? 'E' : 'e';
        exponent[exponent_n++] = exp10 < 0 ? '-' : '+';
        if (e >= 100) exponent[exponent_n++] = (char)('0' + e / 100);
        exponent[exponent_n++] = (char)('0' + e / 10 % 10);
        exponent[exponent_n++] = (char)('0' + e % 10);
    }
    size_t length = (sign != 0) + whole + point + fraction + exponent_n;
    size_t zeros = (s->flags & (flag_zero | flag_left)) == flag_zero ? fill(s, length) : 0;

    pad_before(o, s, length + zeros);
    if (sign) emit_char(o, sign);
    repeat(o, '0', zeros);
    start(&ds, bits.f, style);
    for (size_t i = 1; i <= whole + fraction; ++i) {
        int d = r.carry ? i == 1 : take(&ds);
        if (r.up && !r.carry && i >= r.last_not_9) d = i == r.last_not_9 ? d + 1 : 0;
        emit_char(o, (char)('0' + d));
        if (i == whole && point) emit_char(o, '.');
    }
    emit(o, exponent, exponent_n);
    pad_after(o, s, length + zeros);
}

// A width or precision in digits, held at INT_MAX.
static int parse_number(const char** format) {
    int n = 0;
    for (; **format >= '0' && **format <= '9'; ++*format) {
        int digit = **format - '0';
        n = n > (INT_MAX - digit) / 10 ? INT_MAX : n * 10 + digit;
    }
    return n;
}

// hh and ll come back as 'H' and 'q'; 0 is none.
static char parse_length(const char** format) {
    const char* f = *format;
    char length = 0;
    if ((f[0] == 'h' || f[0] == 'l') && f[1] == f[0]) {
        length = f[0] == 'h' ? 'H' : 'q';
        f += 2;
    } else if (f[0] != '\0' && strchr("hljztL", f[0]) != NULL) {
        length = *f++;
    }
    *format = f;
    return length;
}

// z reads the signed type of size_t's width, which on both x86 ABIs is ptrdiff_t's; L, as in
// glibc, is ll for integers.
static intmax_t read_signed(va_list* ap, char length) {
    switch (length) {
    case 'H': return (signed char)va_arg(*ap, int);
    case 'h': return (short)va_arg(*ap, int);
    case 'l': return va_arg(*ap, long);
    case 'q': case 'L': return va_arg(*ap, long long);
    case 'j': return va_arg(*ap, intmax_t);
    case 'z': case 't': return va_arg(*ap, ptrdiff_t);
    default: return va_arg(*ap, int);
    }
}

static uintmax_t read_unsigned(va_list* ap, char length) {
    switch (length) {
    case 'H': return (unsigned char)va_arg(*ap, unsigned);
    case 'h': return (unsigned short)va_arg(*ap, unsigned);
    case 'l': return va_arg(*ap, unsigned long);
    case 'q': case 'L': return va_arg(*ap, unsigned long long);
    case 'j': return va_arg(*ap, uintmax_t);
    case 'z': case 't': return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned);
    }
}

// One conversion, from just after its '%'; false, having read nothing after it, for one this
// formatter does not know.
static bool convert(struct out* o, const char** format, va_list* ap) {
    const char* f = *format;
    struct spec s = {0, 0, -1, 0};
    for (const char* flag; *f != '\0' && (flag = strchr(flag_chars, *f)) != NULL; ++f)
        s.flags |= 1u << (flag - flag_chars);
    if (*f == '*') {
        ++f;
        int width = va_arg(*ap, int);
        if (width < 0) s.flags |= flag_left;  // a negative width is the - flag and the width
        s.width = width >= 0 ? width : width == INT_MIN ? INT_MAX : -width;
    } else {
        s.width = parse_number(&f);
    }
    if (*f == '.') {
        ++f;
        if (*f == '*') {
            ++f;
            int precision = va_arg(*ap, int);
            s.precision = precision < 0 ? -1 : precision;  // a negative one is none at all
        } else {
            s.precision = parse_number(&f);
        }
    }
    char length = parse_length(&f);
    s.conv = *f;
    switch (s.conv) {
    case 'd': case 'i': {
        intmax_t v = read_signed(ap, length);
        format_integer(o, &s, v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v, v < 0);
        break;
    }
    case 'u': case 'o': case 'x': case 'X':
        format_integer(o, &s, read_unsigned(ap, length), false);
        break;
    case 'p': {
        void* p = va_arg(*ap, void*);
        if (p == NULL) format_text(o, &s, "(nil)", 5);
        else format_integer(o, &s, (uintptr_t)p, false);
        break;
    }
    case 'c': {
        if (length == 'l') return false;
        char c = (char)va_arg(*ap, int);
        format_text(o, &s, &c, 1);
        break;
    }
    case 's': {
        if (length == 'l') return false;
        const char* text = va_arg(*ap, const char*);
        if (text == NULL) text = s.precision < 0 || s.precision >= 6 ? "(null)" : "";
        size_t n = 0;
        while ((s.precision < 0 || n < (size_t)s.precision) && text[n] != '\0') ++n;
        format_text(o, &s, text, n);
        break;
    }
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        format_float(o, &s, length == 'L' ? (double)va_arg(*ap, long double) : va_arg(*ap, double));
        break;
    case '%':
        emit_char(o, '%');
        break;
    default:
        return false;
    }
    *format = f + 1;
    return true;
}

int libc_vformat(void (*put)(void* ctx, const char* text, size_t length), void* ctx, const char* fmt,
                 va_list ap) {
    struct out o = {put, ctx, 0, 0, {0}};
    va_list args;  // a copy, so that the helpers can take its address on every ABI
    va_copy(args, ap);
    while (*fmt != '\0') {
        const char* run = fmt;
        while (*fmt != '\0' && *fmt != '%') ++fmt;
        emit(&o, run, (size_t)(fmt - run));
        if (*fmt == '\0') break;
        const char* conversion = fmt++;
        if (!convert(&o, &fmt, &args)) {
            emit(&o, conversion, strlen(conversion));
            break;
        }
    }
    flush(&o);
    va_end(args);
    return o.count > INT_MAX ? -1 : (int)o.count;
}

struct buffer {
    char* text;
    size_t size;
    size_t used;  // below size, unless size is 0
};

static void buffer_put(void* ctx, const char* text, size_t length) {
    struct buffer* b = ctx;
    for (; length > 0 && b->used + 1 < b->size; --length) b->text[b->used++] = *text++;
}

int libc_vsnformat(char* buf, size_t size, const char* fmt, va_list ap) {
    struct buffer b = {buf, size, 0};
    int n = libc_vformat(buffer_put, &b, fmt, ap);
    if (size > 0) buf[b.used] = '\0';
    return n;
}
