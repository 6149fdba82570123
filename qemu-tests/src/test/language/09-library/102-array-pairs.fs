// expect-exit: 0
// expect-output: 102-array-pairs.out
module ArrayPairs

let xs = [| 1; 2; 3; 4 |]
let ys = [| 10; 20; 30; 40 |]
let names = [| "a"; "b"; "c"; "d" |]

[<EntryPoint>]
let main _ =
    for (x, y) in Array.zip xs ys do
        printf "%d-%d " x y
    printfn ""
    for (x, n, y) in Array.zip3 xs names ys do
        printf "%d%s%d " x n y
    printfn ""
    let a, b = Array.unzip [| (1, 'x'); (2, 'y') |]
    printfn "%d %d %c %c %d %d" a.[0] a.[1] b.[0] b.[1] a.Length b.Length
    let p, q, r = Array.unzip3 [| (1, "one", 1.5); (2, "two", 2.5) |]
    printfn "%d %s %.1f %d" p.[1] q.[0] r.[1] (p.Length + q.Length + r.Length)
    let sums = Array.map2 (+) xs ys
    for s in sums do
        printf "%d " s
    printfn "(%d)" sums.Length
    for v in Array.mapi2 (fun i x y -> i * 100 + y - x) xs ys do
        printf "%d " v
    printfn ""
    for v in Array.map3 (fun x y (n: string) -> x + y + n.Length) xs ys names do
        printf "%d " v
    printfn ""
    Array.iter2 (fun x (n: string) -> printf "%s%d " n x) xs names
    printfn ""
    Array.iteri2 (fun i x y -> printf "%d:%d " i (x * y)) xs ys
    printfn ""
    printfn "%d" (Array.fold2 (fun acc x y -> acc * 2 + x * y) 0 xs ys)
    printfn "%d" (Array.foldBack (fun x acc -> acc * 10 + x) xs 0)
    printfn "%s" (Array.foldBack2 (fun (n: string) x (acc: int) -> if n = "b" then acc + x * 1000 else acc - x) names xs 0 |> fun v -> if v > 0 then "positive" else "negative")
    printfn "%d" (Array.foldBack2 (fun x y acc -> acc * 100 + y / x) xs ys 0)
    printfn "%b %b" (Array.forall2 (fun x y -> y = x * 10) xs ys) (Array.forall2 (fun x y -> y > x * 10) xs ys)
    printfn "%b %b" (Array.exists2 (fun x y -> x + y = 33) xs ys) (Array.exists2 (fun x y -> x = y) xs ys)
    printfn "%d %d %d" (Array.compareWith compare xs [| 1; 2; 4 |]) (Array.compareWith compare xs [| 1; 2; 3 |]) (Array.compareWith compare xs [| 1; 2; 3; 4 |])
    let all = Array.allPairs [| 1; 2 |] [| 'a'; 'b'; 'c' |]
    for (n, c) in all do
        printf "%d%c " n c
    printfn "(%d)" all.Length
    // known lengths compose: the result of zip has the length of its inputs
    let z = Array.zip (Array.rev xs) (Array.map (fun y -> y / 10) ys)
    for (x, y) in Array.rev z do
        printf "%d%d " x y
    printfn "(%d)" z.Length
    0
