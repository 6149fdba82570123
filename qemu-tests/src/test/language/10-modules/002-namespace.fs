// expect-exit: 0
// expect-output: 002-namespace.out
namespace Sensors

type Reading = { Channel: int; Value: int }

module Filter =
    let average (rs: Reading[]) =
        let mutable s = 0
        for r in rs do
            s <- s + r.Value
        s / rs.Length

module Program =
    open Filter

    [<EntryPoint>]
    let main _ =
        let rs = [| { Channel = 1; Value = 10 }; { Channel = 2; Value = 20 }; { Channel = 3; Value = 60 } |]
        printfn "%d" (average rs)
        printfn "%d" (Filter.average [| rs.[0] |])
        0
