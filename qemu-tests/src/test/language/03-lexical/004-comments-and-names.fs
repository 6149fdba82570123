// expect-exit: 0
// expect-output: 004-comments-and-names.out
module CommentsAndNames

(* a block comment (* with a nested one *) is still one comment *)

/// A documentation comment.
let ``two words`` = 2 // a line comment

let ``let`` = 3

let product = (*) 6 7

let sum = ( + ) 1 2 (* a comment after code *)

[<EntryPoint>]
let main _ =
    printfn "%d %d %d %d" ``two words`` ``let`` product sum
    (*
    printfn "not printed"
    *)
    printfn "done"
    0
