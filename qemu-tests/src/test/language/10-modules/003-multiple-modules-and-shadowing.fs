// expect-exit: 0
// expect-output: 003-multiple-modules-and-shadowing.out
module MultipleModules

module A =
    let name = "A"
    let value = 1

module B =
    let name = "B"

open A
open B

// the latest open wins for a name both modules define
let both = name

[<EntryPoint>]
let main _ =
    printfn "%s %d %s %s" both value A.name B.name
    0
