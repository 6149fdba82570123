/// float32 arithmetic on values that cannot be folded: a handler writes them, so they are volatile.
/// HardFloatTest checks the instructions it becomes; qemu-tests' BoardSupportTest what it prints.
module F32

let mutable a = 1.5f
let mutable b = 2.25f
let mutable n = 7

[<Fid.Hardware.Interrupt("Tick")>]
let onTick () = a <- a + 1.0f

[<EntryPoint>]
let main _ =
    let s = a + b
    let d = a - b
    let p = a * b
    let q = a / b
    let r = sqrt b
    let c = float32 n * a
    let i = int (p * 100.0f)
    printfn "%f %f %f %f %f %f %d %b %b" s d p q r c i (a < b) (a = b)
    printfn "%.3e %f" (q * 1.0e10f) (float (a * b))
    0
