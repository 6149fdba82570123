// expect-exit: 0
// expect-output: 003-chars-and-strings.out
module CharsAndStrings

[<EntryPoint>]
let main _ =
    printfn "%c%c%c%c" 'a' '\'' '\u0041' '\065'
    printfn "%d %d %d %d %d %d" (int '\n') (int '\t') (int '\b') (int '\r') (int '\a') (int '\f')
    printfn "%d %d %d %d" (int '\v') (int '\\') (int '\"') (int '\000')
    printfn "[%s]" "a\tb"
    printfn "%s" @"C:\dir\new"
    printfn "%s" """say "hi" """
    printfn "%s %d" "\x41\u00e9" "\x41\u00e9".Length
    printfn "%s %d" "\U0001F600" "\U0001F600".Length
    printfn "%s" "one \"quoted\" word"
    printfn "%s" @"a ""verbatim"" quote"
    0
