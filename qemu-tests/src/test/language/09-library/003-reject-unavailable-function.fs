// expect-error: 8:13: 'Array.permute' is not available in fid-embed
module RejectUnavailableFunction

let data = [| 3; 1; 2 |]

[<EntryPoint>]
let main _ =
    let p = Array.permute (fun i -> (i + 1) % 3) data
    printfn "%d" p.[0]
    0
