// expect-exit: 100
// expect-output: 007-argv-inferred.out
// known-difference: argv.Length without a type annotation on argv is "lookup on object of indeterminate type"; F# takes string[] from the entry point
module ArgvInferred

[<EntryPoint>]
let main argv =
    // argv is always empty: a board has no command line
    printfn "%d arguments" argv.Length
    100
