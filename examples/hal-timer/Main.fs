/// TIM2, a general-purpose timer of the STM32, counting to its auto-reload value and interrupting on
/// each update: registers and fields from Fid.Device (generated from ST's SVD), IRQ number from
/// Fid.Device.Irq, the NVIC through Fid.Hal.Nvic.
module Main

open Fid.Hardware
open Fid.Device
open Fid.Hal

let mutable updates = 0

[<Interrupt("TIM2")>]
let onUpdate () =
    // UIF is cleared by writing 0 to it (the other flags of SR are kept)
    TIM2.SR.UIF.set 0uy
    updates <- updates + 1

[<EntryPoint>]
let main _ =
    RCC.APB1ENR.TIM2EN.set 1uy
    // 1 MHz counter clock from the CPU clock, an update every 1000 counts: 1 kHz
    TIM2.PSC.write (uint32 (Fid.Board.CpuHz / 1_000_000) - 1u)
    TIM2.ARR.write 999u
    TIM2.EGR.write (TIM2.EGR.UG.insert 1uy 0u)   // EGR is write-only: no set, a whole write
    TIM2.SR.UIF.set 0uy
    TIM2.DIER.UIE.set 1uy
    Nvic.enable Irq.TIM2
    Cpu.enableInterrupts ()
    TIM2.CR1.CEN.set 1uy
    printfn "TIM2 running: prescaler %d, auto-reload %d, counter enabled %d" (TIM2.PSC.read ()) (TIM2.ARR.read ()) (TIM2.CR1.CEN.get ())
    while updates < 5 do
        Cpu.wfi ()
    TIM2.CR1.CEN.set 0uy
    Nvic.disable Irq.TIM2
    printfn "%d update interrupts, then stopped" updates
    0
