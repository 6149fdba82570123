// expect-exit: 0
// expect-output: 003-strings.out
module Strings

[<Literal>]
let Prefix = "fid"

let joined = Prefix + "-embed"

let longest (a: string) (b: string) = if a.Length >= b.Length then a else b

let countChar (s: string) (c: char) =
    let mutable n = 0
    for i in 0 .. s.Length - 1 do
        if s.[i] = c then n <- n + 1
    n

[<EntryPoint>]
let main _ =
    printfn "%s %d" joined joined.Length
    printfn "%c %c" joined.[0] joined.[joined.Length - 1]
    printfn "%s" (longest "short" "longer")
    printfn "%d" (countChar "banana" 'a')
    printfn "%b %b %b" ("abc" = "abc") ("abc" <> "abd") ("abc" < "abd")
    printfn "%d %d %d" (compare "a" "b") (compare "b" "a") (compare "same" "same")
    let mutable total = 0
    for c in "hey" do
        total <- total + int c
    printfn "%d" total
    // a string counts UTF-16 code units, as .NET does
    let s = "h\u00e9llo"
    printfn "%d %d" s.Length (int s.[1])
    0
