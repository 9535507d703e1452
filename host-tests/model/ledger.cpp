// The ledger's checks.
#include "ledger.h"

#include "world.h"

namespace weft::model {

Ledger::Ledger(const Program& p, Checks& checks) : checks_(checks), program_(p), reads_(p.scripts.size()) {
    for (int& m : mutex_) m = nobody;
}

void Ledger::locked(int a, unsigned m) {
    checks_.expect(mutex_[m] == nobody, "mutex %u locked by c%d while c%d holds it", m, a, mutex_[m]);
    mutex_[m] = a;
}

void Ledger::unlocked(int a, unsigned m) {
    checks_.expect(mutex_[m] == a, "mutex %u unlocked by c%d, which does not hold it", m, a);
    mutex_[m] = nobody;
}

int Ledger::reads(int a) const {
    return a >= 0 && size_t(a) < reads_.size() ? reads_[a] : 0;
}

void Ledger::read_locked(int a) {
    checks_.expect(writer_ == nobody, "c%d got a read lock while c%d holds the write lock", a, writer_);
    ++reads_[a];
}

void Ledger::read_unlocked(int a) {
    checks_.expect(reads_[a] > 0, "c%d gave up a read lock it does not hold", a);
    --reads_[a];
}

void Ledger::write_locked(int a) {
    int readers = 0;
    for (int r : reads_) readers += r;
    checks_.expect(writer_ == nobody && readers == 0, "c%d got the write lock while %s holds it", a,
                   writer_ != nobody ? "another writer" : "a reader");
    writer_ = a;
}

void Ledger::write_unlocked(int a) {
    checks_.expect(writer_ == a, "c%d gave up a write lock it does not hold", a);
    writer_ = nobody;
}

void Ledger::offered(unsigned c, uint32_t item) {
    checks_.expect(items_[c].count(item) == 0, "item %#x offered twice", item);
    items_[c][item] = Item::offered;
}

void Ledger::sent(unsigned c, uint32_t item, bool ok) {
    auto it = items_[c].find(item);
    if (!checks_.expect(it != items_[c].end(), "item %#x sent but never offered", item)) return;
    if (!ok) {
        checks_.expect(it->second == Item::offered, "item %#x received, but its send failed", item);
        items_[c].erase(it);
    } else if (it->second == Item::received) {
        items_[c].erase(it);
    } else {
        it->second = Item::sent;
    }
}

void Ledger::received(int receiver, unsigned c, uint32_t item) {
    auto it = items_[c].find(item);
    if (!checks_.expect(it != items_[c].end() && it->second != Item::received,
                        "channel %u delivered %#x, which is not in flight (lost, duplicated or made up)", c,
                        item))
        return;
    // Items carry their sender in the top byte and its sequence number below.
    std::pair<int, uint32_t> key{receiver, item >> 24};
    uint32_t seq = item & 0xFFFFFF;
    auto last = last_[c].find(key);
    checks_.expect(last == last_[c].end() || last->second < seq,
                   "channel %u delivered %#x after a later item of the same sender", c, item);
    last_[c][key] = seq;
    if (it->second == Item::sent)
        items_[c].erase(it);
    else
        it->second = Item::received;
}

void Ledger::finished(int a) {
    for (unsigned m = 0; m < mutex_count; ++m)
        checks_.expect(mutex_[m] != a, "c%d ended holding mutex %u", a, m);
    checks_.expect(reads_[a] == 0 && writer_ != a, "c%d ended holding the readers-writer lock", a);
}

void Ledger::end(World& w) {
    for (unsigned s = 0; s < semaphore_count; ++s)
        checks_.expect(program_.initial[s] + given_[s] == taken_[s] + w.semaphore[s].count(),
                       "semaphore %u: %u at first, %llu given, %llu taken, but %u left", s,
                       program_.initial[s], static_cast<unsigned long long>(given_[s]),
                       static_cast<unsigned long long>(taken_[s]), w.semaphore[s].count());
    for (unsigned c = 0; c < channel_count; ++c) {
        checks_.expect(w.channel(c).size() == 0, "channel %u still holds items after draining", c);
        for (const auto& [item, state] : items_[c])
            checks_.expect(false, "channel %u lost item %#x (%s)", c, item,
                           state == Item::sent ? "sent, never received" : "in a send that never returned");
    }
}

}  // namespace weft::model
