// expect-exit: 0
// expect-output: 101-array-sort.out
module ArraySort

type Part = { Name: string; Size: int }

let data = [| 42; -7; 19; 0; 88; -7; 5; 63 |]

// more than 16 elements: sorted without recursion (all distinct, so the order is the same whatever
// the algorithm)
let big = Array.init 40 (fun i -> (i * 37 + 11) % 101 - 50)

// sorted at module level: a static array
let sortedAtStart = Array.sort data

let parts =
    [| { Name = "bolt"; Size = 3 }
       { Name = "nut"; Size = 1 }
       { Name = "gear"; Size = 3 }
       { Name = "axle"; Size = 2 }
       { Name = "cam"; Size = 1 } |]

let show (a: int[]) =
    for x in a do
        printf "%d " x
    printfn "(%d)" a.Length

let showParts (a: Part[]) =
    for p in a do
        printf "%s:%d " p.Name p.Size
    printfn ""

[<EntryPoint>]
let main _ =
    show (Array.sort data)
    show sortedAtStart
    show (Array.sortDescending data)
    show (Array.sortBy (fun x -> abs x) data)
    show (Array.sortWith (fun a b -> compare (b % 10) (a % 10)) [| 11; 25; 37; 44; 52 |])
    show (Array.rev data)
    show (Array.rev (Array.map (fun x -> x * 2) data))
    show data
    // equal keys: up to 16 elements F# keeps the order they had (insertion sort in .NET)
    showParts (Array.sortBy (fun p -> p.Size) parts)
    showParts (Array.sortByDescending (fun p -> p.Size) parts)
    showParts (Array.sortWith (fun a b -> compare a.Size b.Size) parts)
    showParts (Array.sortBy (fun p -> p.Size) [| { Name = "b"; Size = 1 }; { Name = "a"; Size = 1 } |])
    let s = Array.sort big
    printfn "%d %d %d %d" s.[0] s.[1] s.[38] s.[39]
    let mutable ordered = true
    for i in 1 .. s.Length - 1 do
        if s.[i - 1] > s.[i] then ordered <- false
    printfn "ordered %b, sum %d = %d" ordered (Array.sum s) (Array.sum big)
    let d = Array.sortDescending big
    printfn "%d %d" d.[0] d.[39]
    let words = [| "pear"; "fig"; "apple"; "kiwi"; "date" |]
    Array.sortInPlaceWith (fun (a: string) b -> compare a.Length b.Length) words
    for w in words do
        printf "%s " w
    printfn ""
    Array.sortInPlaceBy (fun (w: string) -> w.[w.Length - 1]) words
    for w in words do
        printf "%s " w
    printfn ""
    let pairs = Array.sort [| (2, "b"); (1, "z"); (2, "a"); (1, "y") |]
    for (n, t) in pairs do
        printf "%d%s " n t
    printfn ""
    show (Array.sort [||])
    show (Array.sort [| 1 |])
    0
