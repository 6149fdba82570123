/// Holds a heater at 60 degrees, then at 45, printing every tenth step.
module Main

open Fixed

[<EntryPoint>]
let main _ =
    let gains = { Pid.Kp = ofRatio 3 1; Pid.Ki = ofRatio 1 10; Pid.Kd = ofRatio 1 2 }
    let mutable state = Pid.initial
    let mutable heater = { Pid.Temperature = Pid.ambient }
    printfn "step  setpoint  temperature   power"
    for t in 0 .. 199 do
        let setpoint = if t < 100 then ofInt 60 else ofInt 45
        let s, power = Pid.step gains 0 (ofInt 100) state setpoint heater.Temperature
        state <- s
        heater <- Pid.heat heater power
        if t % 10 = 9 then
            printf "%4d" (t + 1)
            print 10 setpoint
            print 13 heater.Temperature
            print 8 power
            printfn ""
    let settled = abs (heater.Temperature - ofInt 45) < ofRatio 1 10
    printfn "settled within 0.1: %b" settled
    if settled then 0 else 1
