// The block storage a board has (drivers/block_device.h), for applications that store data without
// knowing what holds it. Only boards with storage define it (board.mk's STORAGE_SRCS), and only
// images that link those sources may call it.
#pragma once

class BlockDevice;
class SpiBus;

// The board's storage, not yet started (BlockDevice::init()); its bus and pins set up on first call.
BlockDevice* board_block_device();

// The bus the storage is on, for measuring it; nullptr when it is on none.
SpiBus* board_storage_bus();
