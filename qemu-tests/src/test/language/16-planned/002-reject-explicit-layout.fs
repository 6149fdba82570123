// expect-error: 5:11: struct unions with explicit layout are not supported yet
module RejectExplicitLayout

// the layout of a register block made explicit, as a C struct would be
[<Struct; System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)>]
type Header =
    { Tag: byte
      Length: uint16 }

[<EntryPoint>]
let main _ =
    let h = { Tag = 1uy; Length = 4us }
    printfn "%d %d" h.Tag h.Length
    0
