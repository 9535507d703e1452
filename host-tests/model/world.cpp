// The model test's pools: three shapes, the last with one slot, so that programs run them full.
#include "world.h"

namespace weft::model {

namespace {

// Roomy: the model's bookkeeping runs on these stacks too, under the sanitizers.
WEFT_POOL_STATIC(model_a, pool_capacity[0], 65536);
WEFT_POOL_STATIC(model_b, pool_capacity[1], 49152);
WEFT_POOL_STATIC(model_c, pool_capacity[2], 40960);

const char* const names[max_scripts] = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"};

}  // namespace

Pool& pool(unsigned i) {
    return i == 0 ? model_a : i == 1 ? model_b : model_c;
}

const char* script_name(unsigned i) {
    return names[i];
}

}  // namespace weft::model
