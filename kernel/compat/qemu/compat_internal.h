// What the QEMU layer's sources share: intrusive FIFOs, the wake-up rule and the checks that stop.
#pragma once

#include "port.h"
#include "qemu/coroutine_int.h"

namespace weft_qemu {

// The lists are intrusive (the link lives in the item) so that waiting costs no storage but the
// waiter's own: nothing here may allocate.

// Appends item to list, whose items are linked through their member `link`.
template <class List, class T>
void push_back(List& list, T* item, T* T::*link) {
    item->*link = nullptr;
    if (list.last != nullptr)
        list.last->*link = item;
    else
        list.first = item;
    list.last = item;
}

// Puts item at the head of list.
template <class List, class T>
void push_front(List& list, T* item, T* T::*link) {
    item->*link = list.first;
    list.first = item;
    if (list.last == nullptr) list.last = item;
}

// Takes the head of list, or nullptr when it is empty.
template <class List, class T>
T* pop_front(List& list, T* T::*link) {
    T* item = list.first;
    if (item != nullptr) {
        list.first = item->*link;
        if (list.first == nullptr) list.last = nullptr;
        item->*link = nullptr;
    }
    return item;
}

// Moves every item of `front` ahead of list's own, leaving `front` empty.
template <class List, class T>
void splice_front(List& list, List& front, T* T::*link) {
    if (front.first == nullptr) return;
    front.last->*link = list.first;
    if (list.last == nullptr) list.last = front.last;
    list.first = front.first;
    front.first = front.last = nullptr;
}

// QEMU's aio_co_wake on one thread: inside a coroutine, co joins its wake-up list and runs when it
// yields or ends; outside any, co is entered before this returns.
void wake(Coroutine* co);

// The running QEMU coroutine; stops with `misuse` when called from anywhere else.
Coroutine* running_or_stop(const char* misuse);

}  // namespace weft_qemu
