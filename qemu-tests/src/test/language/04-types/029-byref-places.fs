// expect-exit: 0
// expect-output: 029-byref-places.out
module ByrefPlaces

[<Struct>]
type Acc = { mutable Sum: int; mutable Count: int }

let mutable total = 100

let bump (x: byref<int>) = x <- x + 1

let twice (x: inref<int>) = x * 2

let setAnswer (r: outref<int>) = r <- 42

let add (acc: byref<Acc>) (v: int) =
    acc.Sum <- acc.Sum + v
    acc.Count <- acc.Count + 1

let swap (a: byref<int>) (b: byref<int>) =
    let t = a
    a <- b
    b <- t

let slot (arr: int[]) (i: int) = &arr.[i]

[<EntryPoint>]
let main _ =
    let mutable n = 1
    bump &n
    bump &total
    let data = [| 10; 20; 30 |]
    bump &data.[2]
    printfn "%d %d %d" n total data.[2]
    let mutable acc = { Sum = 0; Count = 0 }
    add &acc 5
    add &acc 7
    bump &acc.Count
    printfn "%d %d" acc.Sum acc.Count
    let k = 21
    printfn "%d %d" (twice &k) (twice &n)
    let mutable answer = 0
    setAnswer &answer
    let mutable a = 1
    let mutable b = 2
    swap &a &b
    printfn "%d %d %d" answer a b
    let r = &n
    r <- r * 10
    let v = slot data 0
    let e = &slot data 1
    e <- e + v
    printfn "%d %d %d" n v data.[1]
    0
