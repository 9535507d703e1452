// A slot handed out again is painted only where its last user wrote (kernel/coroutine.cpp): its
// high-water mark must read exactly what a freshly painted slot's does, whatever the last user left,
// and where a frame leaves a wider gap than the paint window, the mark errs high, never low.
#include <gtest/gtest.h>

#include "core.h"
#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(reused, 1, 65536);
WEFT_POOL_STATIC(reused_wide, 1, 65536);  // left with unpainted bytes by its test

// Each nesting writes every byte of its frame's buffer: a stack used without gaps.
[[gnu::noinline]] void dig(unsigned levels) {
    volatile unsigned char buffer[256];
    for (unsigned char& b : const_cast<unsigned char(&)[256]>(buffer)) b = static_cast<unsigned char>(levels);
    if (levels > 1) dig(levels - 1);
    __asm__ volatile("" : : "r"(buffer) : "memory");
}

// A frame that writes none of its `Gap` bytes, with the digging below it.
template <size_t Gap>
[[gnu::noinline]] void gap_then_dig(unsigned levels) {
    unsigned char hole[Gap];
    __asm__ volatile("" : : "r"(hole) : "memory");
    dig(levels);
}

// Runs `body` to its final yield in a coroutine of `pool` and returns the mark there; then ends it.
size_t mark_of(Pool& pool, void (*body)()) {
    Result<Coroutine*> co = create(
        pool, [](void* p) {
            reinterpret_cast<void (*)()>(p)();
            yield();
        },
        reinterpret_cast<void*>(body));
    EXPECT_TRUE(co.ok());
    if (!co.ok()) return 0;
    enter(*co);
    size_t mark = stack_high_water(*co);
    enter(*co);
    return mark;
}

void shallow() { dig(1); }
void deep() { dig(40); }
void small_gap() { gap_then_dig<core::paint_window - 64>(4); }
void wide_gap() { gap_then_dig<4 * core::paint_window>(4); }

// Each reference is measured on a slot of its own pool, painted whole when first handed out.
template <void (*Body)()>
size_t fresh_mark() {
    WEFT_POOL_STATIC(fresh, 1, 65536);
    static size_t mark = mark_of(fresh, Body);
    return mark;
}

TEST(Repaint, AReusedSlotReadsAsAFreshOneAfterADeepUser) {
    size_t deep_mark = mark_of(reused, deep);
    EXPECT_GT(deep_mark, 40u * 256);
    EXPECT_EQ(deep_mark, fresh_mark<deep>());
    EXPECT_EQ(mark_of(reused, shallow), fresh_mark<shallow>());
    EXPECT_EQ(mark_of(reused, deep), deep_mark);
    EXPECT_EQ(mark_of(reused, shallow), fresh_mark<shallow>());
}

TEST(Repaint, AGapNarrowerThanTheWindowKeepsTheMarkExact) {
    size_t gap_mark = mark_of(reused, small_gap);
    EXPECT_EQ(gap_mark, fresh_mark<small_gap>());
    EXPECT_EQ(mark_of(reused, shallow), fresh_mark<shallow>());
    EXPECT_EQ(mark_of(reused, small_gap), gap_mark);
}

// The documented limit: what lies beyond a gap wider than the window is not painted again, so a
// later, shallower user's mark counts it. High, never low; and the canary is rewritten either way.
TEST(Repaint, AGapWiderThanTheWindowLeavesTheMarkHighNeverLow) {
    size_t wide = mark_of(reused_wide, wide_gap);
    EXPECT_GT(wide, 4 * core::paint_window);
    size_t after = mark_of(reused_wide, shallow);
    EXPECT_GE(after, fresh_mark<shallow>());
    EXPECT_LE(after, wide);
}

}  // namespace
