// expect-exit: 0
// expect-output: 035-views-combined.out
module ViewsCombined

open System

let inline addTo (x: byref<'T>) (d: 'T) = x <- x + d

[<Struct>]
type P = { mutable X: int; Y: int }

let setX (p: byref<P>) = &p.X

let table = [| 5; 6; 7 |]
let mutable big = 0L

let sumSpan (s: ReadOnlySpan<P>) =
    let mutable t = 0
    for p in s do
        t <- t + p.X + p.Y
    t

[<EntryPoint>]
let main _ =
    let mutable a = 1uy
    addTo &a 200uy
    addTo &big 5000000000L
    addTo &table.[2] 3
    let mutable p = { X = 1; Y = 2 }
    let rx = &setX &p
    rx <- 40
    let ps = [| p; { X = 3; Y = 4 } |]
    printfn "%d %d %d %d %d" a big table.[2] p.X (sumSpan (ReadOnlySpan<P>(ps)))
    let s = Span<int>(table)
    let mutable total = 0
    for i in 0 .. s.Length - 1 do
        addTo &total s.[i]
        addTo &s.[i] 1
    printfn "%d %d %d %d" total table.[0] table.[1] table.[2]
    let sub = "abcdef".Substring(2).[1..]
    printfn "%s %d %c" sub sub.Length sub.[0]
    0
