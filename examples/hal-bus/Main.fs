/// SPI and I2C through the HAL on an STM32: a byte out on SPI1 (QEMU's SPI has no device on it, so 0 comes
/// back), then an I2C write and a register read at an address where nothing answers (QEMU models no I2C
/// controller here, so the driver's bounded wait runs out): both are Error Nack, and the program goes on.
module Main

open Fid.Device
open Fid.Hal

let show (what: string) (r: Result<unit, I2cError>) =
    match r with
    | Ok () -> printfn "%s: ok" what
    | Error Nack -> printfn "%s: no answer (Nack)" what
    | Error ArbitrationLost -> printfn "%s: arbitration lost" what

[<EntryPoint>]
let main _ =
    Spi.init SPI1.Base 1_000_000u
    let back = Spi.transfer SPI1.Base 0xA5uy
    Spi.write SPI1.Base [| 0x01uy; 0x02uy; 0x03uy |]
    printfn "spi: sent 0xA5, got 0x%02X" (int back)
    I2c.init I2C1.Base 100_000u
    show "i2c write 0x3C" (I2c.write I2C1.Base 0x3Cuy [| 0x00uy; 0xAFuy |])
    let buf = Array.zeroCreate<byte> 2
    show "i2c read 0x48" (I2c.writeRead I2C1.Base 0x48uy [| 0x00uy |] buf)
    printfn "done"
    0
