// expect-error: 8:22: polymorphic recursion cannot be monomorphized
// known-difference: polymorphic recursion is a type error ("this expression was expected to have type ''T' but here has type ''T * 'T'"), which F# accepts with the explicit type parameter; the intended message is the one above
module RejectPolymorphicRecursion

let rec depth<'T> (n: int) (x: 'T) : int =
    if n = 0 then 0
    else
        let d: int = depth (n - 1) (x, x)
        d + 1

[<EntryPoint>]
let main _ =
    printfn "%d" (depth 3 'a')
    0
