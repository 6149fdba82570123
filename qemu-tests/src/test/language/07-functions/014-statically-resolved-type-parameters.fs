// expect-exit: 0
// expect-output: 014-statically-resolved-type-parameters.out
module StaticallyResolvedTypeParameters

type Vec =
    { X: int
      Y: int }
    static member Zero = { X = 0; Y = 0 }
    static member Origin = { X = 1; Y = 1 }
    static member Create(x: int, y: int) = { X = x; Y = y }
    static member (+)(a: Vec, b: Vec) = { X = a.X + b.X; Y = a.Y + b.Y }
    member v.Length = abs v.X + abs v.Y
    member v.Scale(k: int) = { X = v.X * k; Y = v.Y * k }

// GenericZero and + resolved at each call: int, float and Vec (its Zero and (+))
let inline sumOf (xs: ^T[]) =
    let mutable acc = LanguagePrimitives.GenericZero< ^T>
    for x in xs do
        acc <- acc + x
    acc

let inline countUp (n: int) : ^T =
    let mutable acc = LanguagePrimitives.GenericZero
    for _ in 1..n do
        acc <- acc + LanguagePrimitives.GenericOne
    acc

// member constraints: a static property, a static method, an instance property and method
let inline origin< ^T when ^T: (static member Origin: ^T)> () = (^T: (static member Origin: ^T) ())

let inline create (x: int) (y: int) : ^T = (^T: (static member Create: int * int -> ^T) (x, y))

let inline lengthOf (x: ^a) = (^a: (member Length: int) x)

let inline scale (k: int) (x: ^a) = (^a: (member Scale: int -> ^a) (x, k))

// an inline function calling another keeps its constraint
let inline longer (a: ^a) (b: ^a) = if lengthOf a >= lengthOf b then a else b

[<EntryPoint>]
let main _ =
    printfn "%d %.2f" (sumOf [| 1; 2; 3 |]) (sumOf [| 0.5; 0.25 |])
    let v = sumOf [| { X = 1; Y = 2 }; { X = 3; Y = 4 } |]
    printfn "%d %d" v.X v.Y
    printfn "%d %d %.1f %d" (countUp 5 : int) (int (countUp 200 : byte)) (countUp 3 : float32) (countUp 4 : int64)
    let o: Vec = origin ()
    let c: Vec = create 5 -6
    printfn "%d %d %d %d" o.X o.Y c.X c.Y
    printfn "%d %d %d" (lengthOf c) (lengthOf "firmware") (lengthOf [| 1; 2; 3 |])
    let s = scale 3 c
    printfn "%d %d %s" s.X s.Y (longer "ab" "abc")
    0
