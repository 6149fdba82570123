/// Drives the board's LED pin through the HAL and reads it back after each step: the same program on
/// every board with a GPIO driver, the pin named in the board's profile ([pins] Led).
module Main

open Fid.Device
open Fid.Hal

let show (what: string) =
    printfn "%-7s led %s" what (if Gpio.read Board.Led then "high" else "low")

[<EntryPoint>]
let main _ =
    Gpio.output Board.Led
    Gpio.set Board.Led
    show "set"
    Delay.ms 2
    Gpio.clear Board.Led
    show "clear"
    let mutable highs = 0
    for _ in 1 .. 6 do
        Gpio.toggle Board.Led
        if Gpio.read Board.Led then highs <- highs + 1
        Delay.us 500
    show "toggle"
    printfn "toggled 6 times, high %d times" highs
    0
