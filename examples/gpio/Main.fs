/// Drives the LM3S6965's GPIO registers and reads them back over the UART, since QEMU has no LEDs
/// to look at: the user LED of the EK-LM3S6965 board is pin 0 of port F.
module Main

open Fid.Hardware

let bits (b: byte) =
    for i in 7 .. -1 .. 0 do
        printf "%c" (if (b >>> i) &&& 1uy = 1uy then '1' else '0')

let show (p: Pl061.Port) =
    printf "port %c: dir " p.Name
    bits (Pl061.directions p)
    printf "  data "
    bits (Pl061.read p 0xFFuy)
    printfn ""

let pause () =
    for _ in 1 .. 1000 do
        Cpu.nop ()

[<EntryPoint>]
let main _ =
    let peripheral, cell = Pl061.identify Pl061.portF
    printfn "port F: peripheral id %08x, cell id %08x%s" peripheral cell (if cell = 0xB105F00Du then " (PrimeCell)" else "")
    if peripheral &&& 0xFFFu <> 0x061u then
        printfn "not a PL061"
        1
    else
        // the LED: pin 0 of port F, an output
        Pl061.init Pl061.portF 0x01uy
        for i in 1 .. 3 do
            Pl061.write Pl061.portF 0x01uy 0xFFuy
            printfn "blink %d: led %s" i (if Pl061.read Pl061.portF 0x01uy <> 0uy then "on" else "off")
            pause ()
            Pl061.write Pl061.portF 0x01uy 0x00uy
            printfn "blink %d: led %s" i (if Pl061.read Pl061.portF 0x01uy <> 0uy then "on" else "off")
            pause ()
        // port D: the low nibble outputs, the high nibble inputs
        Pl061.init Pl061.portD 0x0Fuy
        show Pl061.portD
        Pl061.write Pl061.portD 0xFFuy 0xFFuy
        printf "write ff to all pins, inputs keep their level: "
        show Pl061.portD
        Pl061.write Pl061.portD 0x05uy 0x00uy
        printf "write 00 through mask 05, pins 0 and 2 only: "
        show Pl061.portD
        printfn "read through mask 0c: %02x" (Pl061.read Pl061.portD 0x0Cuy)
        0
