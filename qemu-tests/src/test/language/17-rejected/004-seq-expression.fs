// expect-error: 4:13: sequences allocate on a heap; use a for loop or the Array module
module SeqExpression

let evens = seq { for i in 0 .. 10 do if i % 2 = 0 then yield i }

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
