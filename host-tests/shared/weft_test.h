// The thin assertion layer that lets one test source run on the host under GoogleTest and on a
// board under the kernel's own small runner. Shared tests use only what is defined here: TEST,
// TEST_F with SetUp/TearDown, and the EXPECT_/ASSERT_ comparisons below, without streamed messages.
#pragma once

#if defined(WEFT_TEST_ON_TARGET)

#include <string.h>

namespace testing {

// The fixture base. No virtual destructor: test objects live on the runner's stack, and a deleting
// destructor would pull operator delete into the image.
class Test {
public:
    virtual void SetUp() {}
    virtual void TearDown() {}
    virtual void TestBody() {}

protected:
    ~Test() = default;
};

}  // namespace testing

namespace weft::test {

struct Case {
    const char* suite;
    const char* name;
    void (*run)();
    Case* next;
};

// Adds a case to the run, in definition order; returns 0 so it can initialise a static.
int add(Case* c);
// Records a failed check of the current case.
void fail(const char* file, int line, const char* what);
// True once a check of the current case has failed.
bool failed();

template <class Fixture>
void run_case() {
    Fixture f;
    ::testing::Test& t = f;  // SetUp and TearDown are protected in fixtures, public in the base
    t.SetUp();
    if (!failed()) t.TestBody();
    t.TearDown();
}

}  // namespace weft::test

#define WEFT_TEST_CASE_(suite, name, base)                                                    \
    class suite##_##name##_Test : public base {                                               \
    public:                                                                                   \
        void TestBody() override;                                                             \
    };                                                                                        \
    static weft::test::Case suite##_##name##_case{#suite, #name,                              \
                                                  weft::test::run_case<suite##_##name##_Test>, nullptr}; \
    static const int suite##_##name##_added = weft::test::add(&suite##_##name##_case);       \
    void suite##_##name##_Test::TestBody()

#define TEST(suite, name) WEFT_TEST_CASE_(suite, name, ::testing::Test)
#define TEST_F(fixture, name) WEFT_TEST_CASE_(fixture, name, fixture)

#define WEFT_CHECK_(cond, text, on_fail)                           \
    do {                                                           \
        if (!(cond)) {                                             \
            weft::test::fail(__FILE__, __LINE__, text);            \
            on_fail;                                               \
        }                                                          \
    } while (0)

#define EXPECT_TRUE(c) WEFT_CHECK_((c), #c, (void)0)
#define EXPECT_FALSE(c) WEFT_CHECK_(!(c), "!(" #c ")", (void)0)
#define EXPECT_EQ(a, b) WEFT_CHECK_((a) == (b), #a " == " #b, (void)0)
#define EXPECT_NE(a, b) WEFT_CHECK_((a) != (b), #a " != " #b, (void)0)
#define EXPECT_LT(a, b) WEFT_CHECK_((a) < (b), #a " < " #b, (void)0)
#define EXPECT_LE(a, b) WEFT_CHECK_((a) <= (b), #a " <= " #b, (void)0)
#define EXPECT_GT(a, b) WEFT_CHECK_((a) > (b), #a " > " #b, (void)0)
#define EXPECT_GE(a, b) WEFT_CHECK_((a) >= (b), #a " >= " #b, (void)0)
#define EXPECT_STREQ(a, b) WEFT_CHECK_(strcmp((a), (b)) == 0, #a " == " #b, (void)0)
#define ASSERT_TRUE(c) WEFT_CHECK_((c), #c, return)
#define ASSERT_FALSE(c) WEFT_CHECK_(!(c), "!(" #c ")", return)
#define ASSERT_EQ(a, b) WEFT_CHECK_((a) == (b), #a " == " #b, return)
#define ASSERT_NE(a, b) WEFT_CHECK_((a) != (b), #a " != " #b, return)
#define ASSERT_LT(a, b) WEFT_CHECK_((a) < (b), #a " < " #b, return)
#define ASSERT_GE(a, b) WEFT_CHECK_((a) >= (b), #a " >= " #b, return)

#else

#include <gtest/gtest.h>

#endif
