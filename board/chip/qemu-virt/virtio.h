// The virtio devices of QEMU's virt machine, for applications: whichever of its eight virtio-mmio
// slots QEMU put them in (hw/riscv/virt.c), found by init().
#pragma once

#include "virtio_blk.h"
#include "virtio_rng.h"

// The block device (-device virtio-blk-device); init() says whether there is one.
VirtioBlk& board_virtio_disk();

// The entropy source (-device virtio-rng-device); init() says whether there is one.
VirtioRng& board_virtio_rng();
