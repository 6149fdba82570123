/// The line editor and the words of a command line, kept in a fixed buffer: a word is a span
/// (start, length) of the line, compared and parsed in place, since no string is built at run time.
module Line

[<Literal>]
let Capacity = 64

let private buffer : byte[] = Array.zeroCreate Capacity
let mutable private length = 0
let mutable private overflowed = false

/// Feeds one received byte; returns true when it ends a line. Echoes what it keeps, as a terminal expects.
let feed (b: byte) =
    match b with
    | 13uy | 10uy ->
        printfn ""
        true
    | 8uy | 127uy ->
        if length > 0 then
            length <- length - 1
            printf "\b \b"
        false
    | _ when length < Capacity ->
        buffer.[length] <- b
        length <- length + 1
        printf "%c" (char b)
        false
    | _ ->
        overflowed <- true
        false

/// Whether the line was longer than the buffer (the rest was dropped).
let tooLong () = overflowed

let clear () =
    length <- 0
    overflowed <- false

/// The k-th word of the line (from 0) as (start, length); length 0 when there is none.
let word (k: int) =
    let mutable i = 0
    let mutable found = -1
    let mutable start = 0
    let mutable stop = 0
    while found < k && i < length do
        while i < length && buffer.[i] = 32uy do
            i <- i + 1
        if i < length then
            start <- i
            while i < length && buffer.[i] <> 32uy do
                i <- i + 1
            stop <- i
            found <- found + 1
    if found = k then (start, stop - start) else (length, 0)

/// The rest of the line from the k-th word on, as a span.
let rest (k: int) =
    let start, _ = word k
    (start, length - start)

let isEmpty (_, n) = n = 0

/// Whether a span holds exactly the text s.
let is (s: string) (start, n) =
    if n <> s.Length then false
    else
        let mutable same = true
        for i in 0 .. n - 1 do
            if buffer.[start + i] <> byte s.[i] then same <- false
        same

let print (start, n) =
    for i in start .. start + n - 1 do
        printf "%c" (char buffer.[i])

type NumberError =
    | Missing
    | NotANumber
    | TooBig

/// A decimal integer with an optional sign.
let toInt (start, n) : Result<int, NumberError> =
    if n = 0 then Error Missing
    else
        let negative = buffer.[start] = byte '-'
        let first = if negative then start + 1 else start
        if first = start + n then Error NotANumber
        else
            let mutable value = 0L
            let mutable error = None
            for i in first .. start + n - 1 do
                let d = int buffer.[i] - int '0'
                if d < 0 || d > 9 then error <- Some NotANumber
                elif error.IsNone then
                    value <- value * 10L + int64 d
                    if value > 2147483648L then error <- Some TooBig
            match error with
            | Some e -> Error e
            | None ->
                let v = if negative then -value else value
                if v > 2147483647L then Error TooBig else Ok (int v)
