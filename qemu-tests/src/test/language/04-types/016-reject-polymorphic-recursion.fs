// expect-error: 8:22: polymorphic recursion cannot be monomorphized
// known-difference: explicit type parameters (let f<'T> ...) are a parse error ("expected '=' but found '<'"), and F# needs them for polymorphic recursion, which fid-embed has no check for
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
