// expect-exit: 0
// expect-output: 002-text-formats.out
module TextFormats

[<EntryPoint>]
let main _ =
    printfn "%s|%c|%b|%b" "text" 'c' true false
    printfn "[%6s] [%-6s] [%6c] [%-3c] [%6b] [%-6b]" "ab" "ab" 'x' 'y' true false
    printfn "%c%c%c" '\u00e9' '\u20ac' 'z'
    printfn "%s" "caf\u00e9 \u20ac"
    printf "no newline; "
    printf "then %s\n" "one"
    eprintfn "eprintfn goes to the same UART"
    eprintf "and eprintf too\n"
    // partial application of a format
    Array.iter (printf "%d,") [| 1; 2; 3 |]
    printfn ""
    let show = printfn "value=%d"
    show 5
    show 6
    printfn "%s and %s" "a" "b"
    printfn ""
    printfn "last"
    0
