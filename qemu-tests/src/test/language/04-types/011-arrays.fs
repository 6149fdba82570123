// expect-exit: 0
// expect-output: 011-arrays.out
module Arrays

let primes = [| 2; 3; 5; 7; 11 |]

let zeros: int[] = Array.zeroCreate 4

let sevens = Array.create 3 7

let squares = Array.init 5 (fun i -> i * i)

let sumOf (a: int[]) =
    let mutable s = 0
    for x in a do
        s <- s + x
    s

[<EntryPoint>]
let main _ =
    printfn "%d %d %d" primes.Length (Array.length zeros) (sumOf primes)
    printfn "%d %d" primes.[0] primes[4]
    zeros.[1] <- 10
    zeros[2] <- 20
    printfn "%d %d %d %d" zeros.[0] zeros.[1] zeros.[2] zeros.[3]
    printfn "%d %d" (sumOf sevens) (sumOf squares)
    // an array is a reference: passing or binding it does not copy it
    let alias = zeros
    alias.[3] <- 30
    printfn "%d" zeros.[3]
    let copy = Array.copy zeros
    copy.[3] <- 0
    printfn "%d %d" zeros.[3] copy.[3]
    let doubled = Array.map (fun x -> x * 2) primes
    let indexed = Array.mapi (fun i x -> i + x) primes
    printfn "%d %d" doubled.[4] indexed.[4]
    let empty: int[] = [||]
    printfn "%d" empty.Length
    // = compares element by element; compare orders by length first
    printfn "%b %b" ([| 1; 2 |] = [| 1; 2 |]) ([| 1; 2 |] = [| 1; 3 |])
    printfn "%d %d" (compare [| 9 |] [| 1; 1 |]) (compare [| 1; 2 |] [| 1; 3 |])
    let grid = [| [| 1; 2 |]; [| 3; 4 |] |]
    printfn "%d" (grid.[1].[0] + grid.[0].[1])
    0
