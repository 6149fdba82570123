// expect-exit: 0
// expect-output: 001-module-functions-instead-of-members.out
module ModuleFunctionsInsteadOfMembers

// until members are supported, a record and a module of functions over it do the same job
type Vec = { X: int; Y: int }

module Vec =
    let zero = { X = 0; Y = 0 }
    let add a b = { X = a.X + b.X; Y = a.Y + b.Y }
    let length2 v = v.X * v.X + v.Y * v.Y

let inline (+.) a b = Vec.add a b

[<EntryPoint>]
let main _ =
    let v = Vec.add { X = 1; Y = 2 } { X = 3; Y = 4 }
    let w = v +. Vec.zero
    printfn "%d %d %d" w.X w.Y (Vec.length2 w)
    0
