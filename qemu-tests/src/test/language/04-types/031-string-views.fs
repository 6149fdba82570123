// expect-exit: 0
// expect-output: 031-string-views.out
module StringViews

let field (line: string) (n: int) =
    // the n-th comma-separated field of line, as a view of it
    let mutable rest = line
    for _ in 1 .. n do
        let c = rest.IndexOf ','
        rest <- if c < 0 then "" else rest.Substring(c + 1)
    let c = rest.IndexOf ','
    if c < 0 then rest else rest.[.. c - 1]

[<EntryPoint>]
let main _ =
    let s = "temperature=21.5C"
    let eq = s.IndexOf '='
    printfn "[%s] [%s]" s.[.. eq - 1] s.[eq + 1 ..]
    printfn "[%s] [%s] [%s]" (s.Substring(0, 4)) (s.Substring 12) (s.Substring(17))
    printfn "%b %b %b %b" (s.StartsWith "temp") (s.StartsWith "Temp") (s.EndsWith "C") (s.EndsWith "")
    printfn "%b %b %b %b" (s.Contains "=21") (s.Contains "==") (s.Contains 'C') (s.Contains 'x')
    printfn "%b %b %b" (s.StartsWith 't') (s.EndsWith 'C') ("".EndsWith 'C')
    printfn "%d %d %d %d" (s.IndexOf "e") (s.IndexOf "ture") (s.IndexOf "") (s.IndexOf 'z')
    let csv = "GPS,4807.038,N,01131.000,E"
    for i in 0 .. 4 do
        printf "%s;" (field csv i)
    printfn ""
    let part = csv.[4..11]
    printfn "%s %d %c %b" part part.Length part.[2] (part = "4807.038")
    for c in part.[5..] do
        printf "<%c>" c
    printfn ""
    printfn "[%s] [%s] [%s] [%s]" s.[20..] s.[-5..3] s.[5..2] s.[..100]
    let w = "żółw→ok"
    printfn "%s %s %d %b %d" w.[1..3] (w.Substring 5) (w.IndexOf '→') (w.EndsWith "ok") w.[4..].Length
    0
