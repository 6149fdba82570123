// expect-exit: 101
// expect-output: 013-option-get.out
module OptionGet

let find (a: int[]) x = Array.tryFindIndex (fun y -> y = x) a

[<EntryPoint>]
let main _ =
    let a = [| 4; 5 |]
    printfn "%d" (Option.get (find a 5))
    printfn "%d" (Option.get (find a 6))
    0
