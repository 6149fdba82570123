// expect-error: 4:37: building strings needs a heap; print the parts with printf
module StringConcat

let greet (name: string) = "hello " + name

[<EntryPoint>]
let main _ =
    printfn "%s" (greet "you")
    0
