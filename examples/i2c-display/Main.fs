/// Draws a frame and a line of text on the LM3S811EVB's 96 x 16 OLED, an SSD0303 controller at I2C
/// address 0x3D, through Fid.Hal.I2c; then writes to an address where no device answers and prints the
/// error it gets. The picture is made in RAM, one bit a pixel in the controller's layout (a byte is a
/// column of 8 pixels of one page, bit 0 at the top), and sent a page at a time. It prints "done" and
/// waits for a key, so that QEMU's screendump can be taken.
module Main

open Fid.Device
open Fid.Hal

[<Literal>]
let Width = 96

[<Literal>]
let Height = 16

[<Literal>]
let Display = 0x3Duy

[<Literal>]
let Nobody = 0x3Cuy

/// A page is 8 rows: Width bytes, one column each.
let frame : byte[] = Array.zeroCreate (Width * Height / 8)

/// One page as the controller takes it: the data control byte 0x40, then its columns.
let page : byte[] = Array.zeroCreate (Width + 1)

let plot (x: int) (y: int) =
    if x >= 0 && x < Width && y >= 0 && y < Height then
        let i = (y / 8) * Width + x
        frame.[i] <- frame.[i] ||| (1uy <<< (y % 8))

/// A rectangle's outline from (x0, y0) to (x1, y1).
let box (x0: int) (y0: int) (x1: int) (y1: int) =
    for x in x0 .. x1 do
        plot x y0
        plot x y1
    for y in y0 .. y1 do
        plot x0 y
        plot x1 y

/// Text with its top-left corner at (x0, y0), 6 pixels a character (5 and a gap).
let text (x0: int) (y0: int) (s: string) =
    for k in 0 .. s.Length - 1 do
        for cx in 0 .. Fid.Font5x7.Width - 1 do
            let column = Fid.Font5x7.column s.[k] cx
            for cy in 0 .. Fid.Font5x7.Height - 1 do
                if (column >>> cy) &&& 1uy <> 0uy then plot (x0 + 6 * k + cx) (y0 + cy)

let describe (r: Result<unit, I2cError>) : string =
    match r with
    | Ok () -> "Ok"
    | Error Nack -> "Error Nack"
    | Error ArbitrationLost -> "Error ArbitrationLost"

/// Each command byte follows a control byte 0x80 ("a command, and another control byte after it").
let commands (r: Result<unit, I2cError>) (bytes: byte[]) : Result<unit, I2cError> =
    match r with
    | Ok () -> I2c.write I2C0.Base Display bytes
    | e -> e

let waitForKey () =
    let mutable waiting = true
    while waiting do
        match Fid.Uart.tryRead () with
        | ValueSome _ -> waiting <- false
        | ValueNone -> ()

[<EntryPoint>]
let main _ =
    // I2C0's SCL and SDA (PB2, PB3) to the controller, SDA open drain
    SYSCTL.RCGC2.GPIOB.set 1uy
    GPIOB.AFSEL.modify (fun r -> r ||| 0x0Cu)
    GPIOB.ODR.modify (fun r -> r ||| 0x08u)
    GPIOB.DEN.modify (fun r -> r ||| 0x0Cu)
    I2c.init I2C0.Base 100_000u
    printfn "I2C0 at 100 kHz, OLED at 0x%02X" (int Display)
    box 0 0 (Width - 1) (Height - 1)
    box 2 2 (Width - 3) (Height - 3)
    text 9 5 "fid-embed I2C"
    // display on; then, for each page: page address, column 36 (the first the panel shows), its data
    let mutable result = I2c.write I2C0.Base Display [| 0x80uy; 0xAFuy |]
    for p in 0 .. Height / 8 - 1 do
        result <- commands result [| 0x80uy; 0xB0uy + byte p; 0x80uy; 0x04uy; 0x80uy; 0x12uy |]
        page.[0] <- 0x40uy
        for x in 0 .. Width - 1 do
            page.[x + 1] <- frame.[p * Width + x]
        result <- commands result page
    printfn "display: %s" (describe result)
    printfn "write to 0x%02X: %s" (int Nobody) (describe (I2c.write I2C0.Base Nobody [| 0x80uy; 0xE3uy |]))
    printfn "done"
    waitForKey ()
    0
