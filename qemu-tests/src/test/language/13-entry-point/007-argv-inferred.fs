// expect-exit: 100
// expect-output: 007-argv-inferred.out
module ArgvInferred

[<EntryPoint>]
let main argv =
    // argv is always empty: a board has no command line
    printfn "%d arguments" argv.Length
    100
