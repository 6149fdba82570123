// expect-exit: 0
// expect-output: 003-for-in-arrays.out
module ForInArrays

let pairs = [| (1, "one"); (2, "two"); (3, "three") |]

type Item = { Name: string; Price: int }

let items = [| { Name = "tea"; Price = 3 }; { Name = "cake"; Price = 5 } |]

[<EntryPoint>]
let main _ =
    for (n, word) in pairs do
        printf "%s=%d " word n
    printfn ""
    let mutable total = 0
    for it in items do
        total <- total + it.Price
    printfn "%d" total
    // the array is read by index, each element in turn: a write ahead is seen
    let a = [| 1; 2; 3; 4 |]
    for x in a do
        if x < 4 then a.[x] <- a.[x] * 10
        printf "%d " x
    printfn ""
    for c in "abc" do
        printf "%c." c
    printfn ""
    0
