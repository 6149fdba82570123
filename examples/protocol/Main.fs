/// Decodes a batch of frames, applies the good ones to a device and explains the bad ones.
module Main

open Protocol

let frames : byte[][] =
    [| [| 0xA5uy; 0x01uy; 0x01uy; 0x2Auy; 0x2Auy |]
       [| 0xA5uy; 0x02uy; 0x02uy; 0x01uy; 0x01uy; 0x00uy |]
       [| 0xA5uy; 0x03uy; 0x02uy; 0xDCuy; 0x05uy; 0xD8uy |]
       [| 0xA5uy; 0x03uy; 0x02uy; 0x18uy; 0xFCuy; 0xE5uy |]
       [| 0xA5uy; 0x02uy; 0x02uy; 0x02uy; 0x01uy; 0x03uy |]
       [| 0xA5uy; 0x02uy; 0x02uy; 0x01uy; 0x00uy; 0x01uy |]
       [| 0xA5uy; 0x04uy; 0x05uy; 0x07uy; 0x78uy; 0x56uy; 0x34uy; 0x12uy; 0x0Euy |]
       [| 0x5Auy; 0x01uy; 0x01uy; 0x00uy; 0x00uy |]
       [| 0xA5uy; 0x09uy; 0x00uy; 0x09uy |]
       [| 0xA5uy; 0x02uy; 0x01uy; 0x01uy; 0x02uy |]
       [| 0xA5uy; 0x01uy; 0x01uy; 0x2Auy; 0x2Buy |]
       [| 0xA5uy; 0x02uy; 0x02uy; 0x07uy; 0x01uy; 0x06uy |]
       [| 0xA5uy; 0x03uy; 0x02uy; 0x88uy; 0x13uy; 0x9Auy |]
       [| 0xA5uy; 0x01uy |] |]

let leds : bool[] = Array.zeroCreate 4
let mutable speed = 0s
let mutable lastPing = 0uy

let apply (m: Message) =
    match m with
    | Ping s ->
        lastPing <- s
        printfn "ping %d" s
    | SetLed (led, on) ->
        leds.[led] <- on
        printfn "led %d %s" led (if on then "on" else "off")
    | SetSpeed rpm ->
        speed <- rpm
        printfn "speed %d rpm" rpm
    | Configure (key, value) -> printfn "config %d = 0x%08X" key value

let explain (e: DecodeError) =
    match e with
    | TooShort n -> printfn "error: frame of %d bytes is too short" n
    | BadStart b -> printfn "error: frame starts with 0x%02X, not 0x%02X" b Start
    | UnknownType k -> printfn "error: unknown message type 0x%02X" k
    | BadLength (k, n) -> printfn "error: type 0x%02X cannot have %d payload bytes" k n
    | BadChecksum (want, got) -> printfn "error: checksum 0x%02X, expected 0x%02X" got want
    | OutOfRange (field, v) -> printfn "error: %s %d is out of range" field v

[<EntryPoint>]
let main _ =
    let mutable good = 0
    for i in 0 .. frames.Length - 1 do
        printf "frame %2d: " i
        match decode frames.[i] with
        | Ok m ->
            apply m
            good <- good + 1
        | Error e -> explain e
    let on = leds |> Array.sumBy (fun l -> if l then 1 else 0)
    printfn "%d of %d frames applied; leds on: %d, speed %d rpm, last ping %d" good frames.Length on speed lastPing
    0
