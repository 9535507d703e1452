// The string functions the x86 images link, with the C standard's contracts; GCC itself emits calls
// to memcpy, memmove, memset and memcmp. A byte at a time: small and plainly right, not fast.
//
// GCC's loop distribution would turn the loops of memset and memcpy into calls to memset and
// memcpy, that is, into themselves: this file is compiled without it, whatever the flags.
#pragma GCC optimize("no-tree-loop-distribute-patterns")

// The host tests build this file a second time with the functions renamed, to link it beside
// glibc's; glibc's declarations, renamed with them, still check the signatures.
#ifdef LIBC_TEST_NAMES
#define memcpy libc_test_memcpy
#define memmove libc_test_memmove
#define memset libc_test_memset
#define memcmp libc_test_memcmp
#define strlen libc_test_strlen
#define strnlen libc_test_strnlen
#define strcmp libc_test_strcmp
#define strncmp libc_test_strncmp
#define strcpy libc_test_strcpy
#define strncpy libc_test_strncpy
#define strcat libc_test_strcat
#define strncat libc_test_strncat
#define strchr libc_test_strchr
#define strrchr libc_test_strrchr
#endif

#define _POSIX_C_SOURCE 200809L  // strnlen is POSIX's, not C11's
#include <stdint.h>
#include <string.h>

void* memcpy(void* restrict dst, const void* restrict src, size_t n) {
    unsigned char* d = dst;
    const unsigned char* s = src;
    while (n-- > 0) *d++ = *s++;
    return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
    unsigned char* d = dst;
    const unsigned char* s = src;
    // Forwards unless dst starts inside src, where that would overwrite bytes not yet copied.
    if ((uintptr_t)d - (uintptr_t)s >= n) {
        while (n-- > 0) *d++ = *s++;
    } else {
        while (n-- > 0) d[n] = s[n];
    }
    return dst;
}

void* memset(void* dst, int c, size_t n) {
    unsigned char* d = dst;
    while (n-- > 0) *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
    const unsigned char* p = a;
    const unsigned char* q = b;
    for (; n > 0; --n, ++p, ++q)
        if (*p != *q) return *p - *q;
    return 0;
}

size_t strlen(const char* s) {
    size_t n = 0;
    while (s[n] != '\0') ++n;
    return n;
}

size_t strnlen(const char* s, size_t max) {
    size_t n = 0;
    while (n < max && s[n] != '\0') ++n;
    return n;
}

// Bytes compare as unsigned char, as C asks.
int strcmp(const char* a, const char* b) {
    for (;; ++a, ++b) {
        unsigned char p = (unsigned char)*a, q = (unsigned char)*b;
        if (p != q || p == '\0') return p - q;
    }
}

int strncmp(const char* a, const char* b, size_t n) {
    for (; n > 0; --n, ++a, ++b) {
        unsigned char p = (unsigned char)*a, q = (unsigned char)*b;
        if (p != q || p == '\0') return p - q;
    }
    return 0;
}

char* strcpy(char* restrict dst, const char* restrict src) {
    char* d = dst;
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

// Copies at most n bytes, and fills what is left of the n with NULs.
char* strncpy(char* restrict dst, const char* restrict src, size_t n) {
    size_t i = 0;
    for (; i < n && src[i] != '\0'; ++i) dst[i] = src[i];
    for (; i < n; ++i) dst[i] = '\0';
    return dst;
}

char* strcat(char* restrict dst, const char* restrict src) {
    char* d = dst + strlen(dst);
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

// Appends at most n bytes of src, then a NUL.
char* strncat(char* restrict dst, const char* restrict src, size_t n) {
    char* d = dst + strlen(dst);
    size_t i = 0;
    for (; i < n && src[i] != '\0'; ++i) d[i] = src[i];
    d[i] = '\0';
    return dst;
}

// The terminating NUL counts as part of the string: strchr(s, 0) finds it.
char* strchr(const char* s, int c) {
    for (;; ++s) {
        if (*s == (char)c) return (char*)s;
        if (*s == '\0') return NULL;
    }
}

char* strrchr(const char* s, int c) {
    const char* found = NULL;
    for (;; ++s) {
        if (*s == (char)c) found = s;
        if (*s == '\0') return (char*)found;
    }
}
