// expect-exit: 0
// expect-output: 005-literal-attribute.out
module LiteralAttribute

[<Literal>]
let Size = 4

[<Literal>]
let Mask = 0xF0 ||| 0x0F

[<Literal>]
let Greeting = "hello"

[<Literal>]
let Half = 0.5

// a [<Literal>] may give the length of an array
let table: int[] = Array.zeroCreate Size

let describe n =
    match n with
    | Size -> "size"
    | Mask -> "mask"
    | _ -> "other"

[<EntryPoint>]
let main _ =
    printfn "%d %d %s %.1f" Size Mask Greeting Half
    printfn "%d" table.Length
    printfn "%s %s %s" (describe 4) (describe 255) (describe 0)
    0
