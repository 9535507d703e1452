// The table of device interrupt handlers a port dispatches through: entry N is irqN_handler, which
// a board or driver defines for the interrupts it uses. Shared by the ports, which decide what an
// entry no one defined does (a weak alias of a catch-all on Cortex-M, whose hardware jumps through
// the table; a null entry the dispatcher checks elsewhere).
#pragma once

#include <stddef.h>

#include <utility>

// Applies m(n) to every interrupt number n from 0 to 239.
#define WEFT_IRQ_TEN(m, tens) m(tens##0) m(tens##1) m(tens##2) m(tens##3) m(tens##4) \
    m(tens##5) m(tens##6) m(tens##7) m(tens##8) m(tens##9)
#define WEFT_IRQ_ALL(m) WEFT_IRQ_TEN(m, ) WEFT_IRQ_TEN(m, 1) WEFT_IRQ_TEN(m, 2) WEFT_IRQ_TEN(m, 3) \
    WEFT_IRQ_TEN(m, 4) WEFT_IRQ_TEN(m, 5) WEFT_IRQ_TEN(m, 6) WEFT_IRQ_TEN(m, 7) WEFT_IRQ_TEN(m, 8) \
    WEFT_IRQ_TEN(m, 9) WEFT_IRQ_TEN(m, 10) WEFT_IRQ_TEN(m, 11) WEFT_IRQ_TEN(m, 12) WEFT_IRQ_TEN(m, 13) \
    WEFT_IRQ_TEN(m, 14) WEFT_IRQ_TEN(m, 15) WEFT_IRQ_TEN(m, 16) WEFT_IRQ_TEN(m, 17) WEFT_IRQ_TEN(m, 18) \
    WEFT_IRQ_TEN(m, 19) WEFT_IRQ_TEN(m, 20) WEFT_IRQ_TEN(m, 21) WEFT_IRQ_TEN(m, 22) WEFT_IRQ_TEN(m, 23)
#define WEFT_IRQ_MAX 240
#define WEFT_IRQ_ENTRY(n) irq##n##_handler,

namespace weft_irq {

using Handler = void (*)();

template <size_t Count>
struct Table {
    Handler handlers[Count];
};

template <size_t... N>
constexpr Table<sizeof...(N)> first(const Handler* all, std::index_sequence<N...>) {
    return {{all[N]...}};
}

// The first `Count` entries of `all`, as a constant table: only what the board has goes in ROM.
template <size_t Count>
constexpr Table<Count> first(const Handler (&all)[WEFT_IRQ_MAX]) {
    static_assert(Count > 0 && Count <= WEFT_IRQ_MAX, "BOARD_IRQ_COUNT: 1 to 240 device interrupts");
    return first(all, std::make_index_sequence<Count>());
}

// Runs device interrupt `irq`'s handler, irqN_handler, in a port whose controller gives the number
// (arch/irq_dispatch.cpp, sized by BOARD_IRQ_COUNT); stops the system if it has none.
void dispatch(unsigned irq);

}  // namespace weft_irq
