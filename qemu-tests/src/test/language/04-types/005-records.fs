// expect-exit: 0
// expect-output: 005-records.out
module Records

type Point = { X: int; Y: int }

type Segment = { From: Point; To: Point; Label: string }

type Pair<'T> = { First: 'T; Second: 'T }

[<Struct>]
type Sample = { Time: uint32; Value: int16 }

let length2 s =
    let dx = s.To.X - s.From.X
    let dy = s.To.Y - s.From.Y
    dx * dx + dy * dy

let larger p = if p.First >= p.Second then p.First else p.Second

[<EntryPoint>]
let main _ =
    let a = { X = 1; Y = 2 }
    let b = { a with Y = 6 }
    let s = { From = a; To = b; Label = "up" }
    printfn "%d %d %d %d" a.X a.Y b.X b.Y
    printfn "%s %d" s.Label (length2 s)
    let moved = { s with To = { s.To with X = 4 } }
    printfn "%d %d" moved.To.X (length2 moved)
    printfn "%d %.1f" (larger { First = 3; Second = 9 }) (larger { First = 2.5; Second = 0.5 })
    // a record is a value: equal fields, equal records; comparison goes field by field
    printfn "%b %b %b" (a = { X = 1; Y = 2 }) (a = b) (a < b)
    let t = { Time = 100u; Value = -3s }
    let u = { t with Value = 7s }
    printfn "%d %d %d" t.Time t.Value u.Value
    printfn "%d" (compare { X = 2; Y = 0 } { X = 1; Y = 9 })
    0
