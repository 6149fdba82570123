/// Draws a frame and three lines of text on the LM3S6965EVB's 128 x 64 OLED, an SSD0323 controller on
/// SSI0, through Fid.Hal.Spi: the picture is made in a frame buffer in RAM (4 bits a pixel) and sent in
/// one stream. Then it prints "done" and waits for a key, so that QEMU's screendump can be taken.
module Main

open Fid.Device
open Fid.Hal

[<Literal>]
let Width = 128

[<Literal>]
let Height = 64

/// Two pixels a byte, the left one in the high nibble, Width / 2 bytes a row (the SSD0323's layout).
let frame : byte[] = Array.zeroCreate (Width * Height / 2)

let plot (x: int) (y: int) =
    if x >= 0 && x < Width && y >= 0 && y < Height then
        let i = y * (Width / 2) + x / 2
        frame.[i] <- frame.[i] ||| (if x % 2 = 0 then 0xF0uy else 0x0Fuy)

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

/// Text centred on the row at y0.
let centred (y0: int) (s: string) = text ((Width - 6 * s.Length + 1) / 2) y0 s

let command (bytes: byte[]) =
    Gpio.clear Board.OledDc
    Spi.write SSI0.Base bytes

let waitForKey () =
    let mutable waiting = true
    while waiting do
        match Fid.Uart.tryRead () with
        | ValueSome _ -> waiting <- false
        | ValueNone -> ()

[<EntryPoint>]
let main _ =
    // SSI0's clock, frame and transmit pins (PA2, PA3, PA5) to the SSI
    SYSCTL.RCGC2.GPIOA.set 1uy
    GPIOA.AFSEL.modify (fun r -> r ||| 0x2Cu)
    GPIOA.DEN.modify (fun r -> r ||| 0x2Cu)
    Gpio.output Board.OledDc
    Gpio.output Board.SdCs
    Gpio.set Board.SdCs
    Spi.init SSI0.Base 1_000_000u
    printfn "SSI0 at 1 MHz, OLED data/command on PC7"
    // display off; remap (nibbles swapped, rows interleaved as the panel is wired); start line 0;
    // 64 rows multiplexed; normal display; display on
    command [| 0xAEuy; 0xA0uy; 0x52uy; 0xA1uy; 0x00uy; 0xA8uy; 0x3Fuy; 0xA4uy; 0xAFuy |]
    box 0 0 (Width - 1) (Height - 1)
    box 3 3 (Width - 4) (Height - 4)
    centred 12 "fid-embed"
    centred 28 "SSD0323 on SSI0"
    centred 44 "Hello, OLED!"
    // the whole screen: columns 0-63 (two pixels each) and rows 0-63, then the frame as data
    command [| 0x15uy; 0x00uy; 0x3Fuy; 0x75uy; 0x00uy; 0x3Fuy |]
    Gpio.set Board.OledDc
    Spi.write SSI0.Base frame
    printfn "sent %d bytes of pixels" frame.Length
    printfn "done"
    waitForKey ()
    0
