// The I2C bus of a board that has one (the LM3S6965 boards' I2C0), for applications that talk to
// the devices on it through drivers/i2c_bus.h without knowing the controller. Targets only.
#pragma once

class I2cBus;

// The board's I2C master, initialised by board_init(), its interrupt enabled.
I2cBus& board_i2c();
