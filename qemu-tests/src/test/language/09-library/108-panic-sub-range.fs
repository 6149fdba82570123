// expect-exit: 101
// expect-output: 108-panic-sub-range.out
module PanicSubRange

let frame = [| 0x7Euy; 0x01uy; 0x02uy; 0x7Euy |]

[<EntryPoint>]
let main _ =
    let mutable start = 1
    let body = Array.sub frame start 2
    printfn "%d" body.Length
    start <- 3
    let tail = Array.sub frame start 2
    printfn "%d" tail.Length
    0
