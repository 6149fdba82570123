/// On-target tests of the state machine: `fid-embed test --board riscv32-virt examples/traffic-light`.
module TrafficTests

open Fid.Testing

let rec run (c: Traffic.Controller) (n: int) =
    if n = 0 then c else run (Traffic.step c false) (n - 1)

[<Test>]
let aFullCycleComesBackToRed () =
    let cycle = Traffic.duration Traffic.Red + Traffic.duration Traffic.RedAmber + Traffic.duration Traffic.Green + Traffic.duration Traffic.Amber
    let c = run Traffic.start cycle
    assert (c.Light = Traffic.Red)
    assert (c.Left = Traffic.duration Traffic.Red)

[<Test>]
let aRequestCutsGreenShort () =
    let green = run Traffic.start (Traffic.duration Traffic.Red + Traffic.duration Traffic.RedAmber)
    assert (green.Light = Traffic.Green)
    let pressed = Traffic.step green true
    assert pressed.Waiting
    let c = run pressed (Traffic.ShortGreen - 1)
    assert (c.Light = Traffic.Amber)

[<Test>]
let redServesTheRequest () =
    let c = Traffic.step Traffic.start true
    assert c.Waiting
    // the rest of red, red and amber, the shortened green and amber
    let rest = Traffic.duration Traffic.Red - 1 + Traffic.duration Traffic.RedAmber + Traffic.ShortGreen + Traffic.duration Traffic.Amber
    let before = run c (rest - 1)
    assert (before.Light = Traffic.Amber && before.Waiting)
    let red = Traffic.step before false
    assert (red.Light = Traffic.Red)
    assert (not red.Waiting)
