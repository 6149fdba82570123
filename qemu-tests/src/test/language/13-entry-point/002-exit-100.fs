// expect-exit: 100
// expect-output: 002-exit-100.out
module Exit100

[<EntryPoint>]
let main (argv: string[]) =
    // argv is always empty: a board has no command line
    printfn "%d arguments" argv.Length
    100
