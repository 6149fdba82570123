// expect-exit: 0
// expect-output: 104-array-search.out
module ArraySearch

type Reading = { Sensor: string; Celsius: float }

let data = [| 7; 12; 5; 20; 12; 3 |]

let readings =
    [| { Sensor = "t1"; Celsius = 21.5 }
       { Sensor = "t2"; Celsius = 19.0 }
       { Sensor = "t3"; Celsius = 23.25 }
       { Sensor = "t4"; Celsius = 19.0 } |]

let showOpt (o: int option) =
    match o with
    | Some v -> printf "Some %d " v
    | None -> printf "None "

[<EntryPoint>]
let main _ =
    printfn "%d %d" (Array.find (fun x -> x > 10) data) (Array.findBack (fun x -> x > 10) data)
    printfn "%d %d" (Array.findIndex (fun x -> x > 10) data) (Array.findIndexBack (fun x -> x = 12) data)
    showOpt (Array.tryFindBack (fun x -> x < 6) data)
    showOpt (Array.tryFindBack (fun x -> x > 99) data)
    showOpt (Array.tryFindIndexBack (fun x -> x < 6) data)
    showOpt (Array.tryFindIndexBack (fun x -> x > 99) data)
    printfn ""
    let half x = if x % 2 = 0 then Some (x / 2) else None
    showOpt (Array.tryPick half data)
    showOpt (Array.tryPick (fun x -> if x > 99 then Some x else None) data)
    printfn "%d" (Array.pick half data)
    printfn "%d %d" (Array.head data) (Array.last data)
    showOpt (Array.tryHead data)
    showOpt (Array.tryLast [||])
    showOpt (Array.tryItem 3 data)
    showOpt (Array.tryItem 6 data)
    showOpt (Array.tryItem -1 data)
    printfn ""
    printfn "%d %d" (Array.item 1 data) (Array.get data 2)
    let copy = Array.copy data
    Array.set copy 0 99
    printfn "%d %d" copy.[0] data.[0]
    printfn "%d" (Array.exactlyOne [| 17 |])
    showOpt (Array.tryExactlyOne [| 17 |])
    showOpt (Array.tryExactlyOne data)
    printfn ""
    printfn "%d %d" (Array.reduce (fun a b -> a * 10 + b) [| 1; 2; 3 |]) (Array.reduceBack (fun a b -> a * 10 + b) [| 1; 2; 3 |])
    printfn "%d %d" (Array.reduce max data) (Array.reduce (-) data)
    printfn "%d %d" (Array.reduceBack (-) data) (Array.reduce (-) [| 4 |])
    // the first of equal keys wins, as in F#
    let warm = Array.maxBy (fun r -> r.Celsius) readings
    let cold = Array.minBy (fun r -> r.Celsius) readings
    printfn "%s %s" warm.Sensor cold.Sensor
    printfn "%d %d" (Array.maxBy (fun x -> x % 5) data) (Array.minBy (fun x -> -x) data)
    printfn "%.4f" (Array.averageBy (fun r -> r.Celsius) readings)
    printfn "%.3f" (Array.average [| 1.0; 2.0; 4.0 |])
    printfn "%.4f" (Array.average [| 0.5f; 0.25f; 0.125f |])
    printfn "%.2f" (Array.averageBy float data)
    printfn "%.2f" (Array.averageBy (fun x -> float32 x / 2.0f) data)
    0
