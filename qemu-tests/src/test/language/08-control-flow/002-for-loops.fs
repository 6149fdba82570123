// expect-exit: 0
// expect-output: 002-for-loops.out
module ForLoops

[<EntryPoint>]
let main _ =
    for i in 1 .. 5 do
        printf "%d " i
    printfn ""
    for i in 10 .. -3 .. 0 do
        printf "%d " i
    printfn ""
    for i in 0 .. 4 .. 10 do
        printf "%d " i
    printfn ""
    for i = 1 to 3 do
        printf "%d " i
    printfn ""
    for i = 3 downto 1 do
        printf "%d " i
    printfn ""
    // an empty range runs the body never
    for i in 5 .. 1 do
        printf "never %d" i
    // the loop ends at the limits of its type
    let mutable count = 0
    for b in 0uy .. 255uy do
        count <- count + 1
    printfn "%d" count
    let mutable last = 0y
    for s in 120y .. 127y do
        last <- s
    printfn "%d" last
    let mutable down = 0
    for u in 3u .. System.UInt32.MaxValue .. 0u do
        down <- down + 1
    printfn "%d" down
    // the bounds are evaluated once
    let mutable hi = 3
    let mutable runs = 0
    for i in 1 .. hi do
        hi <- hi + 1
        runs <- runs + 1
    printfn "%d %d" runs hi
    0
