// expect-error: 9:9: 'Array.filter' is not available in fid-embed: the length of its result depends on the elements; fill an array of fixed size and keep a count
module RejectFilter

let samples = [| 4; -1; 7; -3 |]

[<EntryPoint>]
let main _ =
    let positive =
        Array.filter (fun x -> x > 0) samples
    printfn "%d" positive.Length
    0
