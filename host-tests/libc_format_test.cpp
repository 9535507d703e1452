// The x86 C library's formatter (arch/x86/libc/format.c) against glibc's snprintf, over every flag,
// width, precision and length modifier it takes, and its string functions (arch/x86/libc/string.c,
// built renamed) against glibc's. Built for 32 bits too (VARIANT=i386), where long and size_t are
// 32 bits wide and 64-bit division goes through libgcc.
#include <gtest/gtest.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <type_traits>

#include "x86/libc/format.h"

extern "C" {
void* libc_test_memcpy(void* dst, const void* src, size_t n);
void* libc_test_memmove(void* dst, const void* src, size_t n);
void* libc_test_memset(void* dst, int c, size_t n);
int libc_test_memcmp(const void* a, const void* b, size_t n);
size_t libc_test_strlen(const char* s);
size_t libc_test_strnlen(const char* s, size_t max);
int libc_test_strcmp(const char* a, const char* b);
int libc_test_strncmp(const char* a, const char* b, size_t n);
char* libc_test_strcpy(char* dst, const char* src);
char* libc_test_strncpy(char* dst, const char* src, size_t n);
char* libc_test_strcat(char* dst, const char* src);
char* libc_test_strncat(char* dst, const char* src, size_t n);
char* libc_test_strchr(const char* s, int c);
char* libc_test_strrchr(const char* s, int c);
}

namespace {

void append(void* ctx, const char* text, size_t length) {
    static_cast<std::string*>(ctx)->append(text, length);
}

// libc_vformat's output, all of it, and its count.
std::string ours(int* count, const char* fmt, ...) {
    std::string out;
    va_list ap;
    va_start(ap, fmt);
    *count = libc_vformat(append, &out, fmt, ap);
    va_end(ap);
    return out;
}

std::string glibc(int* count, const char* fmt, ...) {
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    *count = vsnprintf(nullptr, 0, fmt, ap);
    std::string out(*count > 0 ? *count : 0, '\0');
    vsnprintf(out.data(), out.size() + 1, fmt, again);
    va_end(again);
    va_end(ap);
    return out;
}

template <typename... Args>
void same(const std::string& fmt, Args... args) {
    int want_n = 0, got_n = 0;
    std::string want = glibc(&want_n, fmt.c_str(), args...);
    std::string got = ours(&got_n, fmt.c_str(), args...);
    EXPECT_EQ(got, want) << "format \"" << fmt << "\"";
    EXPECT_EQ(got_n, want_n) << "format \"" << fmt << "\"";
}

const char* const flag_sets[] = {"",   "-",  "0",  "+",  " ",  "#",   "-0",   "+0",
                                 "- ", "+ ", "#0", "-#", "+#", "0 #", "-+ #0"};
const char* const widths[] = {"", "1", "6", "23"};
const char* const precisions[] = {"", ".", ".0", ".1", ".4", ".21"};

// Every flag set, width and precision, with d i u o x X under one length modifier; d and i take
// the values as T, the others as T's unsigned type.
template <typename T>
void integers(const char* length, std::initializer_list<T> values) {
    using U = std::make_unsigned_t<T>;
    for (const char* flags : flag_sets)
        for (const char* width : widths)
            for (const char* precision : precisions)
                for (char conv : std::string("diuoxX")) {
                    std::string fmt = std::string("[%") + flags + width + precision + length + conv + "]";
                    for (T v : values) {
                        if (conv == 'd' || conv == 'i') same(fmt, v);
                        else same(fmt, static_cast<U>(v));
                    }
                }
}

TEST(LibcFormat, IntegersOfEveryLengthMatchGlibc) {
    integers<int>("", {INT_MIN, -1, 0, 1, 7, 42, INT_MAX});
    integers<int>("hh", {0, 127, -128, 255, 300, -129});  // passed as int, converted to char
    integers<int>("h", {0, 32767, -32768, 65535, 70000});
    integers<long>("l", {LONG_MIN, -1L, 0L, 8L, LONG_MAX});
    integers<long long>("ll", {LLONG_MIN, -1LL, 0LL, 1000000007LL, LLONG_MAX});
    integers<intmax_t>("j", {INTMAX_MIN, 0, INTMAX_MAX});
    integers<ptrdiff_t>("z", {PTRDIFF_MIN, -1, 0, PTRDIFF_MAX});
    integers<ptrdiff_t>("t", {PTRDIFF_MIN, 0, 12345, PTRDIFF_MAX});
    same("%llu %llx %llo %#llX", UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX);
    same("%zu %zx", SIZE_MAX, SIZE_MAX);
    same("%Ld %Lu", -5LL, 5ULL);  // L on an integer is ll, as glibc has it
}

TEST(LibcFormat, StarWidthAndPrecisionMatchGlibc) {
    for (int width : {-12, -1, 0, 1, 9})
        for (int precision : {-3, -1, 0, 2, 7}) {
            same("[%*.*d]", width, precision, -42);
            same("[%-*.*x]", width, precision, 0xbeefu);
            same("[%0*.*f]", width, precision, 3.14159);
            same("[%*.*s]", width, precision, "hello");
        }
    same("[%*d|%.*d|%*s]", 5, 1, 4, 2, -8, "ab");
}

TEST(LibcFormat, StringsAndCharactersMatchGlibc) {
    const char* null = nullptr;
    const char* texts[] = {"", "a", "hello", "hello, world", null};
    for (const char* flags : {"", "-", "0"})
        for (const char* width : {"", "3", "12"})
            for (const char* precision : {"", ".0", ".2", ".5", ".6", ".20"})
                for (const char* text : texts)
                    same(std::string("[%") + flags + width + precision + "s]", text);
    // The precision ends the read, or AddressSanitizer would see it run past the array.
    const char unterminated[3] = {'a', 'b', 'c'};
    same("[%.3s]", unterminated);
    same("[%.2s]", unterminated);
    for (const char* fmt : {"[%c]", "[%5c]", "[%-5c]", "[%05c]", "[%c%c%c]"}) same(fmt, 'a', 'b', 'c');
    same("[%c]", 0);
    same("[%c]", 0xff);
    same("%% [%%] 100%%");
    same("a%5%b%-3%c");  // flags and a width on %% are ignored
}

TEST(LibcFormat, PointersMatchGlibc) {
    void* pointers[] = {nullptr, reinterpret_cast<void*>(1), reinterpret_cast<void*>(0x1234),
                        reinterpret_cast<void*>(UINTPTR_MAX)};
    for (const char* fmt :
         {"[%p]", "[%20p]", "[%-20p]", "[%+p]", "[% p]", "[%020p]", "[%.20p]", "[%5p]", "[%.3p]"})
        for (void* p : pointers) same(fmt, p);
}

const char* const float_formats[] = {
    "%f", "%F", "%.0f", "%.1f", "%.2f", "%.3f", "%8.1f", "%-10.3f", "%+f", "% f", "%010.2f", "%-+12.4f",
    "%#.0f", "%.10f", "%.17f", "%.25f", "%.40f", "%08.3f", "%-08.3f", "%5.0f",
    "%e", "%E", "%.0e", "%.1e", "%.3e", "%#.0e", "%+12.4e", "%-14.2E", "%015.6e", "%.16e", "%.40e", "% 09.2e",
    "%g", "%G", "%.0g", "%.1g", "%.3g", "%.10g", "%.17g", "%.30g", "%#g", "%#.3g", "%#.0g", "%+g", "%-12g",
    "%012g",
};

// Values inside the exact range (format.h), with the halfway and nines cases rounding turns on.
const double exact_values[] = {
    0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.5, 0.95, 1.0, 1.5, 2.5, -2.5, 4.5, 9.5, 9.96, 9.9996, 99.95,
    0.9999996, 999999.5, 999999.9, 0.1, 0.125, 1.0 / 3, 2.0 / 3, 3.14159265358979, 123.456, -123.456, 1e-4,
    9.999e-5, 1e-5, 5e-7, 1.5e-10, 0.000123456, DBL_EPSILON, 2e-23, 0x1p-76, 100000.0, 1e6, 1e15,
    123456789012345678.0, 1e19, 18446744073709549568.0 /* the largest double below 2^64 */,
};

TEST(LibcFormat, FloatsInTheExactRangeMatchGlibcInEveryDigit) {
    for (const char* fmt : float_formats)
        for (double v : exact_values) {
            // glibc prints "1.e+06" here, dropping the zeros # keeps (C11 7.21.6.1): checked below.
            if (std::string(fmt) == "%#g" && v > 999999 && v < 1e6) continue;
            same(fmt, v);
        }
    same("%f|%.2f|%8.1f|%-10.3f|%+f", 123.456, 123.456, 123.456, 123.456, 123.456);
    same("%Lf|%Le|%Lg", 1.5L, -0.25L, 1e10L);  // long doubles that are doubles too
}

TEST(LibcFormat, AltGKeepsTrailingZerosWhenRoundingCarries) {
    int n = 0;
    EXPECT_EQ(ours(&n, "%#g|%#.3g", 999999.5, 99.96), "1.00000e+06|100.");
}

TEST(LibcFormat, InfinitiesAndNansMatchGlibc) {
    for (const char* fmt :
         {"%f", "%F", "%e", "%E", "%g", "%G", "%+f", "% e", "%8f", "%-8g|", "%08f", "%.3f", "%#g"})
        for (double v : {HUGE_VAL, -HUGE_VAL, std::nan(""), -std::nan("")}) same(fmt, v);
}

// Outside the exact range: %e and %g at up to 13 significant digits agree with glibc; %f has 17
// significant digits and zeros after them.
TEST(LibcFormat, FloatsBeyondTheExactRangeHaveSeventeenDigits) {
    const double values[] = {1e20,  1e23,    1e100,   1e300,   DBL_MAX, -DBL_MAX,  DBL_MIN,
                             5e-324, 1e-300, 1e-30, 3.5e-25, 1.2345678901234567e200,
                             0x1.fffffffffffffp-77 /* the largest double below 2^-76 */};
    for (double v : values)
        for (const char* fmt : {"%e", "%.3e", "%.12e", "%E", "%g", "%.10g", "%10.4g", "%.3f", "%.20f"})
            if (!(std::string(fmt).back() == 'f' && std::fabs(v) > 1)) same(fmt, v);
    for (double v : {1e23, 1e100, 1e300, DBL_MAX, 1.2345678901234567e200}) {
        int want_n = 0, got_n = 0;
        std::string want = glibc(&want_n, "%.1f", v), got = ours(&got_n, "%.1f", v);
        EXPECT_EQ(got_n, want_n) << v;
        EXPECT_EQ(got.substr(0, 16), want.substr(0, 16)) << v;
        EXPECT_EQ(got.find_first_not_of('0', 17), got.size() - 2) << got;  // then zeros up to ".0"
    }
}

TEST(LibcFormat, TextAroundConversionsAndLongRunsMatchGlibc) {
    std::string literal(300, 'x');
    same(literal + "%d" + literal, 12);
    same("%300d|%-300s|%.300f", -1, "left", 0.5);
    same("no conversions at all");
    same("");
}

TEST(LibcFormat, AnUnknownConversionEndsTheFormatting) {
    int n = 0;
    EXPECT_EQ(ours(&n, "%d %y %d %s", 1, 2, 3), "1 %y %d %s");
    EXPECT_EQ(n, 10);
    EXPECT_EQ(ours(&n, "%ls|%n", L"wide"), "%ls|%n");
}

int buffered(char* buf, size_t size, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = libc_vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

TEST(LibcFormat, BufferTruncatesAndReturnsTheFullLength) {
    char buf[16];
    EXPECT_EQ(buffered(nullptr, 0, "hello %s", "world"), 11);
    memset(buf, '*', sizeof buf);
    EXPECT_EQ(buffered(buf, 1, "hello %s", "world"), 11);
    EXPECT_STREQ(buf, "");
    EXPECT_EQ(buf[1], '*');
    memset(buf, '*', sizeof buf);
    EXPECT_EQ(buffered(buf, 6, "hello %s", "world"), 11);
    EXPECT_STREQ(buf, "hello");
    EXPECT_EQ(buf[6], '*');  // nothing past size
    EXPECT_EQ(buffered(buf, 12, "hello %s", "world"), 11);
    EXPECT_STREQ(buf, "hello world");
    EXPECT_EQ(buffered(buf, 11, "hello %s", "world"), 11);
    EXPECT_STREQ(buf, "hello worl");
    EXPECT_EQ(buffered(buf, sizeof buf, "%300d", 7), 300);
    EXPECT_EQ(std::string(buf), std::string(15, ' '));
    EXPECT_EQ(buffered(buf, sizeof buf, "%s", ""), 0);
    EXPECT_STREQ(buf, "");
}

// Each libc_test_ function against glibc's, on the same inputs.
TEST(LibcString, MemoryFunctionsMatchGlibc) {
    unsigned char a[64], b[64];
    for (int i = 0; i < 64; ++i) a[i] = b[i] = static_cast<unsigned char>(i * 37);
    EXPECT_EQ(libc_test_memcpy(b, a + 3, 40), b);
    EXPECT_EQ(memcmp(b, a + 3, 40), 0);
    EXPECT_EQ(libc_test_memset(b + 5, 0x1ab, 10), b + 5);  // the value is taken as unsigned char
    for (int i = 5; i < 15; ++i) EXPECT_EQ(b[i], 0xab);
    EXPECT_EQ(b[4], a[7]);
    EXPECT_EQ(b[15], a[18]);
    EXPECT_EQ(libc_test_memcpy(b, a, 0), b);

    for (int shift : {-9, -1, 0, 1, 9}) {  // overlapping either way, and not at all
        unsigned char want[64], got[64];
        for (int i = 0; i < 64; ++i) want[i] = got[i] = static_cast<unsigned char>(i);
        memmove(want + 20 + shift, want + 20, 30);
        EXPECT_EQ(libc_test_memmove(got + 20 + shift, got + 20, 30), got + 20 + shift);
        EXPECT_EQ(memcmp(got, want, 64), 0) << "shift " << shift;
    }

    const unsigned char x[] = {1, 2, 0x80, 4}, y[] = {1, 2, 0x7f, 4};
    EXPECT_GT(libc_test_memcmp(x, y, 4), 0);  // bytes compare as unsigned
    EXPECT_LT(libc_test_memcmp(y, x, 4), 0);
    EXPECT_EQ(libc_test_memcmp(x, y, 2), 0);
    EXPECT_EQ(libc_test_memcmp(x, y, 0), 0);
}

int sign(int v) { return (v > 0) - (v < 0); }

TEST(LibcString, StringFunctionsMatchGlibc) {
    const char* texts[] = {"", "a", "ab", "abc", "abd", "hello, world", "\x80", "\x7f", "abc\x80"};
    const int chars[] = {'a', 'b', 'l', 'o', 'z', 0, 0x80, 0x180};  // 0x180 is taken as char 0x80
    for (const char* s : texts) {
        EXPECT_EQ(libc_test_strlen(s), strlen(s));
        for (size_t max : {0, 1, 2, 100}) EXPECT_EQ(libc_test_strnlen(s, max), strnlen(s, max));
        for (int c : chars) {
            EXPECT_EQ(libc_test_strchr(s, c), strchr(s, c)) << s << " " << c;
            EXPECT_EQ(libc_test_strrchr(s, c), strrchr(s, c)) << s << " " << c;
        }
        for (const char* t : texts) {
            EXPECT_EQ(sign(libc_test_strcmp(s, t)), sign(strcmp(s, t))) << s << " " << t;
            for (size_t n : {0, 1, 2, 3, 50})
                EXPECT_EQ(sign(libc_test_strncmp(s, t, n)), sign(strncmp(s, t, n)))
                    << s << " " << t << " " << n;
        }
    }

    char want[32], got[32];
    EXPECT_EQ(libc_test_strcpy(got, "hello"), got);
    EXPECT_STREQ(got, "hello");
    EXPECT_EQ(libc_test_strcat(got, ", world"), got);
    EXPECT_STREQ(got, "hello, world");
    EXPECT_EQ(libc_test_strcat(got, ""), got);
    EXPECT_STREQ(got, "hello, world");
    for (const char* s : {"", "ab", "abcdef"})
        for (size_t n : {0, 1, 2, 5, 10}) {
            memset(want, '*', sizeof want);
            memset(got, '*', sizeof got);
            strcpy(want, "xy");
            strcpy(got, "xy");
            strncat(want, s, n);
            EXPECT_EQ(libc_test_strncat(got, s, n), got);
            EXPECT_EQ(memcmp(got, want, sizeof got), 0) << "strncat " << s << " " << n;
            memset(want, '*', sizeof want);
            memset(got, '*', sizeof got);
            strncpy(want, s, n);  // pads with NULs to n, and leaves the rest
            EXPECT_EQ(libc_test_strncpy(got, s, n), got);
            EXPECT_EQ(memcmp(got, want, sizeof got), 0) << "strncpy " << s << " " << n;
        }
}

}  // namespace
