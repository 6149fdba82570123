/// A logger that keeps the most recent entries in a fixed ring of records: when the ring is full the
/// oldest entry is overwritten and counted, so logging never blocks and never allocates.
module Log

type Level =
    | Debug
    | Info
    | Warn
    | Error

[<Struct>]
type Entry = { Time: uint32; Level: Level; Text: string; Value: int }

[<Literal>]
let Capacity = 8

let private entries : Entry[] = Array.zeroCreate Capacity
let mutable private next = 0
let mutable private count = 0
let mutable private overwritten = 0
let mutable private minLevel = Debug

/// Entries below this level are not kept.
let setLevel (level: Level) = minLevel <- level

let write (time: uint32) (level: Level) (text: string) (value: int) =
    if level >= minLevel then
        entries.[next] <- { Time = time; Level = level; Text = text; Value = value }
        next <- (next + 1) % Capacity
        if count = Capacity then overwritten <- overwritten + 1 else count <- count + 1

let length () = count
let dropped () = overwritten

/// The i-th kept entry, oldest first.
let item (i: int) : Entry =
    if i < 0 || i >= count then invalidArg "i" "no such log entry"
    entries.[(next - count + i + Capacity) % Capacity]

let clear () =
    next <- 0
    count <- 0
    overwritten <- 0

let levelName (level: Level) =
    match level with
    | Debug -> "DEBUG"
    | Info -> "INFO"
    | Warn -> "WARN"
    | Error -> "ERROR"

/// Prints the kept entries, oldest first.
let dump () =
    printfn "-- %d entries, %d overwritten --" count overwritten
    for i in 0 .. count - 1 do
        let e = item i
        printfn "[%6u] %-5s %-16s %d" e.Time (levelName e.Level) e.Text e.Value
