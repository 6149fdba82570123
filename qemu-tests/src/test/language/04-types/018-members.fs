// expect-exit: 0
// expect-output: 018-members.out
module Members

type Vec =
    { X: int; Y: int }
    member v.Length2 = v.X * v.X + v.Y * v.Y
    static member (+) (a: Vec, b: Vec) = { X = a.X + b.X; Y = a.Y + b.Y }

[<EntryPoint>]
let main _ =
    let v = { X = 3; Y = 4 }
    let s = v + { X = 1; Y = 2 }
    printfn "%d %d" v.Length2 (s.X + s.Y - 3)
    0
