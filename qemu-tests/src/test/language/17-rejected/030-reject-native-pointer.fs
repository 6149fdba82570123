// expect-error: 4:14: native pointers are not supported; use byref<'T> or Span<'T>
module RejectNativePointer

let read (p: nativeptr<int>) = 0

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
