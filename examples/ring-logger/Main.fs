/// Logs the events of a simulated sensor loop into the ring and dumps what the ring kept.
module Main

[<EntryPoint>]
let main _ =
    let mutable time = 0u
    Log.write time Log.Info "boot" 0
    Log.setLevel Log.Info
    let mutable temperature = 20
    for step in 1 .. 20 do
        time <- time + 250u
        temperature <- 20 + step * 7 % 9
        Log.write time Log.Debug "sample" temperature
        if temperature > 24 then Log.write time Log.Warn "too warm" temperature
        elif step % 4 = 0 then Log.write time Log.Info "heartbeat" step
    Log.write time Log.Error "shutdown" temperature
    Log.dump ()
    Log.clear ()
    Log.write 1u Log.Warn "after clear" 1
    Log.dump ()
    0
