// expect-error: 9:5: last declaration
// known-difference: accepted; F# (and docs/language.md §2) require [<EntryPoint>] to be the last declaration of the last file
module RejectEntryPointNotLast

[<EntryPoint>]
let main _ =
    0

let after = 1
