// expect-error: 8:13: 'Array.sort' is not available in fid-embed
module RejectUnavailableFunction

let data = [| 3; 1; 2 |]

[<EntryPoint>]
let main _ =
    let s = Array.sort data
    printfn "%d" s.[0]
    0
