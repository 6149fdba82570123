// Fid.Hal's types shared by the serial-bus drivers (hal/spi-*.fs, hal/i2c-*.fs): what an I2C transfer
// can fail with. An SPI or I2C bus is named by its peripheral's base address (SSI0.Base, I2C0.Base).
namespace Fid.Hal

/// Why an I2C transfer failed: the addressed device (or a data byte) was not acknowledged, or another
/// master won the bus. A driver returns these as `Error e` and never waits forever on a missing device.
type I2cError =
    | Nack
    | ArbitrationLost
