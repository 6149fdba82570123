// expect-exit: 0
// expect-output: 024-comprehensions-and-byte-strings.out
module ComprehensionsAndByteStrings

[<Literal>]
let N = 8

let squares = [| for i in 0 .. N - 1 -> i * i |]
let evens = [| 0 .. 2 .. 10 |]
let cmd = "AT\r\n"B

let run () =
    let local = [| for x in squares -> x + 1 |]
    let countdown = [| for i in 5 .. -1 .. 1 do yield i |]
    printfn "%d %d %d" local.Length local.[7] countdown.[4]

[<EntryPoint>]
let main _ =
    printfn "%d %d %d" squares.Length squares.[7] evens.[5]
    printfn "%d %d" cmd.Length cmd.[2]
    run ()
    0
