// expect-exit: 0
// expect-output: 002-warnings-do-not-stop-the-build.out
// expect-warning: 8:9: the value 'unused' is unused
module WarningsDoNotStopTheBuild

[<EntryPoint>]
let main _ =
    let unused = 5
    printfn "built and ran"
    0
