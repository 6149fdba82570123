// expect-error: 1:1: this program has no entry point: mark a function [<EntryPoint>] let main _ = ... 0
module RejectNoEntryPoint

let main _ =
    printfn "never marked"
    0
