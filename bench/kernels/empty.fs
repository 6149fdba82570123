/// The empty benchmark: the harness alone (markers, printing a checksum). Its image is subtracted
/// from each kernel's image to give the kernel's flash bytes.
module Empty

let run () = Bench.opaque ()

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let c = run ()
    Bench.mark ()
    printfn "%08x" c
    0
