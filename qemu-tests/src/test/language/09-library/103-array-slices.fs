// expect-exit: 0
// expect-output: 103-array-slices.out
module ArraySlices

let data = [| 3; 1; 4; 1; 5; 9; 2; 6 |]

let show (a: int[]) =
    for x in a do
        printf "%d " x
    printfn "(%d)" a.Length

[<EntryPoint>]
let main _ =
    show (Array.sub data 2 3)
    show (Array.sub data 0 0)
    show (Array.take 3 data)
    show (Array.skip 5 data)
    show (Array.skip -2 data)
    show (Array.skip 8 data)
    show (Array.truncate 3 data)
    show (Array.truncate 20 data)
    show (Array.truncate -1 data)
    show (Array.tail data)
    let front, back = Array.splitAt 3 data
    show front
    show back
    show (Array.append data [| 7; 7 |])
    show (Array.append [||] data)
    show (Array.replicate 3 8)
    show (Array.singleton 42)
    show (Array.updateAt 1 100 data)
    show (Array.insertAt 0 -1 data)
    show (Array.insertAt 8 -1 data)
    show (Array.removeAt 7 data)
    show (Array.removeAt 0 data)
    show (Array.scan (+) 0 data)
    show (Array.scan (fun acc x -> acc * x) 1 [||])
    for (i, x) in Array.indexed [| 'a'; 'b'; 'c' |] do
        printf "%d%c " i x
    printfn ""
    for (a, b) in Array.pairwise [| 1; 4; 9; 16 |] do
        printf "%d " (b - a)
    printfn "(%d %d)" (Array.pairwise [| 1 |]).Length (Array.pairwise [| 1; 2 |]).Length
    let doubled, total = Array.mapFold (fun acc x -> (x * 2, acc + x)) 0 data
    show doubled
    printfn "%d" total
    let labels, count = Array.mapFoldBack (fun x n -> (x + n, n + 1)) [| 10; 20; 30 |] 0
    show labels
    printfn "%d" count
    // the lengths are constants: slices of slices, sorted, reversed
    let middle = Array.sub (Array.sort data) 2 4
    show (Array.rev middle)
    show (Array.append (Array.take 2 middle) (Array.skip 2 (Array.rev data)))
    printfn "%d" (Array.sum (Array.tail (Array.tail data)))
    show data
    0
