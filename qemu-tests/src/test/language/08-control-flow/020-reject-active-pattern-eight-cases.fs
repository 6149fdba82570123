// expect-error: 4:6: active patterns cannot return more than 7 possibilities
module RejectActivePatternEightCases

let (|A|B|C|D|E|F|G|H|) n = if n = 0 then A else B

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
