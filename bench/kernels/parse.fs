/// A number scanner in the manner of CoreMark's state machine: a 2000-byte text of comma-separated
/// fields (integers, decimals, scientific notation and junk, chosen pseudo-randomly from 16
/// patterns) is built, then scanned one byte at a time by a state machine whose states carry the
/// value read so far. Each field is classified when its comma arrives; three texts are scanned.
module Parse

[<Literal>]
let Len = 2000

[<Literal>]
let Comma = 44uy

let patterns =
    [| "5012"; "1234"; "-874"; "+122"; "35.54"; ".1234"; "-110.700"; "+0.64"
       "5.500e+3"; "-.123e-2"; "-87e+832"; "+0.6e-12"; "T0.3e-1F"; "-T.T++Tq"; "1T3.4e4z"; "34.0e-T^" |]

let text : byte[] = Array.zeroCreate Len

type State =
    | Start
    | Sign of negative: bool
    | Int of negative: bool * value: int
    | Fraction of digits: int
    | Exponent
    | ExponentSign
    | Scientific of digits: int
    | Invalid

/// Fills the text with fields and commas; returns its length.
let build (seed: uint32) =
    let mutable s = seed
    let mutable n = 0
    while n + 10 < Len do
        s <- s * 1664525u + 1013904223u
        let p = patterns.[int ((s >>> 16) &&& 15u)]
        for i in 0 .. p.Length - 1 do
            text.[n + i] <- byte p.[i]
        text.[n + p.Length] <- Comma
        n <- n + p.Length + 1
    n

let isDigit (c: byte) = c >= 48uy && c <= 57uy

let step (state: State) (c: byte) : State =
    match state with
    | Start ->
        if isDigit c then Int (false, int c - 48)
        elif c = 43uy || c = 45uy then Sign (c = 45uy)
        elif c = 46uy then Fraction 0
        else Invalid
    | Sign negative ->
        if isDigit c then Int (negative, int c - 48)
        elif c = 46uy then Fraction 0
        else Invalid
    | Int (negative, value) ->
        if isDigit c then Int (negative, value * 10 + (int c - 48))
        elif c = 46uy then Fraction 0
        elif c = 69uy || c = 101uy then Exponent
        else Invalid
    | Fraction digits ->
        if isDigit c then Fraction (digits + 1)
        elif c = 69uy || c = 101uy then Exponent
        else Invalid
    | Exponent ->
        if c = 43uy || c = 45uy then ExponentSign
        elif isDigit c then Scientific 1
        else Invalid
    | ExponentSign -> if isDigit c then Scientific 1 else Invalid
    | Scientific digits -> if isDigit c then Scientific (digits + 1) else Invalid
    | Invalid -> Invalid

/// Scans text.[0 .. len - 1]; returns a checksum of the classified fields.
let scan (len: int) =
    let mutable state = Start
    let mutable ints = 0
    let mutable sum = 0
    let mutable fractions = 0
    let mutable scientific = 0
    let mutable invalid = 0
    let mutable other = 0
    for i in 0 .. len - 1 do
        let c = text.[i]
        if c = Comma then
            match state with
            | Int (negative, value) ->
                ints <- ints + 1
                sum <- sum + (if negative then -value else value)
            | Fraction digits -> fractions <- fractions + digits
            | Scientific digits -> scientific <- scientific + digits
            | Invalid -> invalid <- invalid + 1
            | _ -> other <- other + 1
            state <- Start
        else state <- step state c
    uint32 sum * 2654435761u + uint32 (ints <<< 24) + uint32 (fractions <<< 16) + uint32 (scientific <<< 8) + uint32 (invalid <<< 4) + uint32 other

let run () =
    let mutable h = 0u
    for round in 1 .. 3 do
        let n = build (uint32 round)
        h <- (h * 33u) ^^^ scan n
    h

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let h = run ()
    Bench.mark ()
    printfn "%08x" h
    0
