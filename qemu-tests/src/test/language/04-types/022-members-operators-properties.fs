// expect-exit: 0
// expect-output: 022-members-operators-properties.out
module Members

type V =
    { X: float
      Y: float }

    static member (+)(a: V, b: V) = { X = a.X + b.X; Y = a.Y + b.Y }
    static member (*)(k: float, v: V) = { X = k * v.X; Y = k * v.Y }
    static member Zero = { X = 0.0; Y = 0.0 }
    static member Create(x, y) = { X = x; Y = y }
    member v.Length = sqrt (v.X * v.X + v.Y * v.Y)
    member v.Scale(k: float) = { X = v.X * k; Y = v.Y * k }
    member v.Dot (w: V) = v.X * w.X + v.Y * w.Y

type Shape =
    | Circle of r: float
    | Rect of w: float * h: float

    member this.Area =
        match this with
        | Circle r -> 3.0 * r * r
        | Rect (w, h) -> w * h

    member this.Grow k =
        match this with
        | Circle r -> Circle (r * k)
        | Rect (w, h) -> Rect (w * k, h * k)

type Counter =
    { mutable Count: int }

    member c.Value
        with get () = c.Count
        and set v = c.Count <- v

    member c.Incr() = c.Count <- c.Count + 1

type Box<'T> =
    { Item: 'T }

    member b.Get = b.Item
    member b.Map(f: 'T -> 'U) = { Item = f b.Item }

[<EntryPoint>]
let main _ =
    let a = V.Create(3.0, 4.0)
    let b = a + V.Zero + 2.0 * a
    printfn "%.1f %.1f %.1f" b.X b.Y a.Length
    printfn "%.1f %.1f" (a.Scale(2.0)).X (a.Dot b)
    let s = Circle 1.0
    printfn "%.1f %.1f" s.Area ((Rect (2.0, 3.0)).Grow 2.0).Area
    let c = { Count = 0 }
    c.Incr()
    c.Value <- c.Value + 10
    printfn "%d" c.Value
    let bx = { Item = 21 }
    printfn "%d %d" bx.Get (bx.Map(fun x -> x * 2)).Item
    0
