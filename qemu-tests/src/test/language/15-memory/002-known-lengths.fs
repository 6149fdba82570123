// expect-exit: 0
// expect-output: 002-known-lengths.out
module KnownLengths

[<Literal>]
let Rows = 3

let cols = 4

let cells = Rows * cols

let grid: int[] = Array.zeroCreate cells

let fill () =
    // an array created in a function lives in its frame; its length is a constant expression
    let row = Array.create cols 0
    let copy = Array.copy row
    let doubled = Array.map (fun x -> x + 2) copy
    for i in 0 .. row.Length - 1 do
        row.[i] <- i + doubled.[i]
    Array.sum row

let sumRows () =
    let mutable total = 0
    for r in 0 .. Rows - 1 do
        // one slot per creation site, reused by each iteration
        let line = Array.init cols (fun c -> r * cols + c)
        total <- total + Array.sum line
    total

[<EntryPoint>]
let main _ =
    printfn "%d %d" grid.Length cells
    let local = Array.zeroCreate<byte> (cols * 2 + 1)
    printfn "%d" local.Length
    printfn "%d %d" (sumRows ()) (fill ())
    let tmp = [| 0; 0; 0; 0 |]
    let sums = Array.mapi (fun i _ -> i * 3) tmp
    printfn "%d %d" sums.[3] sums.Length
    0
