/// A command shell on the UART: reads lines (Fid.Uart.tryRead polls the receiver), runs them, and
/// returns the code of `exit N` from main.
module Shell

let leds : bool[] = Array.zeroCreate 4
let mutable commands = 0

let explain (e: Line.NumberError) =
    match e with
    | Line.Missing -> printfn "error: a number is missing"
    | Line.NotANumber -> printfn "error: not a number"
    | Line.TooBig -> printfn "error: the number is too big"

let help () =
    printfn "commands:"
    printfn "  help              this list"
    printfn "  echo TEXT         print TEXT"
    printfn "  add A B           print A + B"
    printfn "  led N on|off      switch LED N (0..3)"
    printfn "  status            LEDs and the number of commands run"
    printfn "  exit N            leave with exit code N"

/// Runs the current line; Some code when the shell should exit.
let run () : int option =
    let cmd = Line.word 0
    if Line.isEmpty cmd then None
    else
        commands <- commands + 1
        if Line.is "help" cmd then
            help ()
            None
        elif Line.is "echo" cmd then
            Line.print (Line.rest 1)
            printfn ""
            None
        elif Line.is "add" cmd then
            match Line.toInt (Line.word 1), Line.toInt (Line.word 2) with
            | Ok a, Ok b -> printfn "%d" (a + b)
            | Error e, _ | _, Error e -> explain e
            None
        elif Line.is "led" cmd then
            match Line.toInt (Line.word 1) with
            | Ok n when n >= 0 && n < leds.Length ->
                let state = Line.word 2
                if Line.is "on" state then leds.[n] <- true
                elif Line.is "off" state then leds.[n] <- false
                else printfn "error: say on or off"
            | Ok n -> printfn "error: there is no LED %d" n
            | Error e -> explain e
            None
        elif Line.is "status" cmd then
            printf "leds:"
            for on in leds do
                printf " %s" (if on then "on" else "off")
            printfn "; %d commands" commands
            None
        elif Line.is "exit" cmd then
            match Line.toInt (Line.word 1) with
            | Ok code when code >= 0 && code <= 100 -> Some code
            | Ok _ -> printfn "error: exit codes go from 0 to 100"; None
            | Error Line.Missing -> Some 0
            | Error e -> explain e; None
        else
            printf "unknown command '"
            Line.print cmd
            printfn "'; try help"
            None

[<EntryPoint>]
let main _ =
    printfn "fid-embed shell on %s; type help" Fid.Board.Name
    let mutable result = None
    while result.IsNone do
        printf "> "
        Line.clear ()
        let mutable ended = false
        while not ended do
            match Fid.Uart.tryRead () with
            | ValueSome b -> ended <- Line.feed b
            | ValueNone -> ()
        if Line.tooLong () then printfn "error: the line is longer than %d characters" Line.Capacity
        else result <- run ()
    printfn "bye"
    result.Value
