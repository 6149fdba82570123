// expect-exit: 0
// expect-output: 001-array-functions.out
module ArrayFunctions

let data = [| 5; 3; 8; 1; 9; 2 |]

[<EntryPoint>]
let main _ =
    printfn "%d %b %b" (Array.length data) (Array.isEmpty data) (Array.isEmpty ([||]: int[]))
    Array.iter (fun x -> printf "%d " x) data
    printfn ""
    Array.iteri (fun i x -> if i % 2 = 0 then printf "%d:%d " i x) data
    printfn ""
    printfn "%d %d" (Array.fold (fun acc x -> acc * 10 + x) 0 [| 1; 2; 3 |]) (Array.fold (fun acc x -> acc - x) 100 data)
    printfn "%d %d %d %d" (Array.sum data) (Array.sumBy (fun x -> x * x) data) (Array.max data) (Array.min data)
    printfn "%.1f %.1f" (Array.sum [| 0.5; 0.25 |]) (Array.max [| -1.5; -0.5 |])
    printfn "%b %b" (Array.exists (fun x -> x > 8) data) (Array.exists (fun x -> x > 9) data)
    printfn "%b %b" (Array.forall (fun x -> x > 0) data) (Array.forall (fun x -> x > 1) data)
    printfn "%b %b" (Array.contains 8 data) (Array.contains 7 data)
    match Array.tryFind (fun x -> x % 4 = 0) data, Array.tryFindIndex (fun x -> x = 9) data with
    | Some v, Some i -> printfn "found %d, 9 at %d" v i
    | _ -> printfn "not found"
    printfn "%b" (Array.tryFind (fun x -> x > 100) data = None)
    let buf = Array.zeroCreate<int> 6
    Array.fill buf 1 3 7
    Array.blit data 4 buf 4 2
    Array.iter (fun x -> printf "%d " x) buf
    printfn ""
    let sorted = Array.copy data
    Array.sortInPlace sorted
    Array.iter (fun x -> printf "%d " x) sorted
    printfn ""
    let words = [| "pear"; "apple"; "fig" |]
    Array.sortInPlace words
    printfn "%s %s %s" words.[0] words.[1] words.[2]
    let lengths = Array.map (fun (w: string) -> w.Length) words
    printfn "%d %d %d" lengths.[0] lengths.[1] lengths.[2]
    0
