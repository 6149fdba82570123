// expect-exit: 42
// expect-output: 001-exit-code.out
module ExitCode

let checksum (a: int[]) = Array.fold (fun acc x -> (acc + x) % 101) 0 a

[<EntryPoint>]
let main _ =
    printfn "returning the checksum"
    checksum [| 20; 22 |]
