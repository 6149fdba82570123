// expect-exit: 0
// expect-output: 003-captured-mutable.out
module CapturedMutable

let applyTimes n (f: unit -> unit) =
    for _ in 1 .. n do
        f ()

[<EntryPoint>]
let main _ =
    // a closure may read and write a local mutable of its creator (it does not escape)
    let mutable hits = 0
    applyTimes 3 (fun () -> hits <- hits + 2)
    printfn "%d" hits
    let mutable last = 'a'
    let remember c = last <- c
    remember 'z'
    printfn "%c" last
    0
