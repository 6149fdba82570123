// expect-exit: 0
// expect-output: 012-abbreviations-generics.out
module AbbreviationsGenerics

type Addr = uint32

type Table = int[]

type Wrapper<'T> = { Item: 'T; Tag: string }

let base0: Addr = 0x40000000u

let offset (a: Addr) (n: int) : Addr = a + uint32 n

let first (t: Table) = t.[0]

// generic functions are compiled once per type they are used at
let pick flag (a: 'T) (b: 'T) = if flag then a else b

let wrap tag x = { Item = x; Tag = tag }

let swapPair (a: 'A, b: 'B) = (b, a)

[<EntryPoint>]
let main _ =
    printfn "%x" (offset base0 16)
    printfn "%d" (first [| 9; 8 |])
    printfn "%d %s %.2f %c" (pick true 1 2) (pick false "a" "b") (pick true 0.25 0.5) (pick false 'x' 'y')
    let w = wrap "n" 42
    let v = wrap "s" "text"
    printfn "%s %d %s %s" w.Tag w.Item v.Tag v.Item
    let (s, n) = swapPair (3, "three")
    printfn "%s %d" s n
    0
