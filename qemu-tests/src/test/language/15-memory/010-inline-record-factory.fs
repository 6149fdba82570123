// expect-exit: 0
// expect-output: 010-inline-record-factory.out
// A record with a mutable field made by an inline factory lives in the frame of the function that
// calls the factory, so that function may use it; returning it from there would escape (009).
module InlineFactory

type Limiter =
    { mutable Tokens: int
      Capacity: int }

    static member inline Create capacity =
        { Tokens = capacity
          Capacity = capacity }

    member this.TryTake() =
        if this.Tokens > 0 then
            this.Tokens <- this.Tokens - 1
            true
        else
            false

let inline fresh capacity = Limiter.Create capacity

let pool = fresh 1

let drain () =
    let l = Limiter.Create 2
    let mutable taken = 0
    while l.TryTake() do
        taken <- taken + 1
    taken

[<EntryPoint>]
let main _ =
    printfn "drained %d" (drain ())
    printfn "pool %b %b" (pool.TryTake()) (pool.TryTake())
    printfn "left %d of %d" pool.Tokens pool.Capacity
    0
