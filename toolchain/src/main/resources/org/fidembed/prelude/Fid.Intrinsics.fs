/// Intrinsics the prelude uses to reach what F# cannot say (exit, bit casts, string storage).
/// fid-embed replaces each member; these bodies only let the ordinary F# compiler check the prelude.
module Fid.Intrinsics

let exit (code: int) : unit = ignore code
let floatBits (x: float) : uint64 = uint64 (System.BitConverter.DoubleToInt64Bits x)
let floatOfBits (x: uint64) : float = System.BitConverter.Int64BitsToDouble (int64 x)
let float32Bits (x: float32) : uint32 = uint32 (System.BitConverter.SingleToInt32Bits x)
let float32OfBits (x: uint32) : float32 = System.BitConverter.Int32BitsToSingle (int x)
let stringIsWide (s: string) : bool = s |> Seq.exists (fun c -> int c > 127)
let stringByte (s: string) (i: int) : byte = byte s.[i]
let stringChar (s: string) (i: int) : char = s.[i]
let unreachable () : 'T = Unchecked.defaultof<'T>
let stackHighWater () : int = 0
let addressOfArray (a: 'T[]) : unativeint = ignore a; 0un

type ExportAttribute(name: string) =
    inherit System.Attribute()
    member _.Name = name

type NoInlineAttribute() =
    inherit System.Attribute()

let zero () : 'T = Unchecked.defaultof<'T>
/// An int as a float or float32 (the division of Array.average: F#'s DivideByInt).
let ofInt (n: int) : 'T = ignore n; Unchecked.defaultof<'T>

let load8 (addr: unativeint) : byte = ignore addr; 0uy
let load16 (addr: unativeint) : uint16 = ignore addr; 0us
let load32 (addr: unativeint) : uint32 = ignore addr; 0u
let store8 (addr: unativeint) (value: byte) : unit = ignore addr; ignore value
let store16 (addr: unativeint) (value: uint16) : unit = ignore addr; ignore value
let store32 (addr: unativeint) (value: uint32) : unit = ignore addr; ignore value

/// RISC-V control and status registers by constant name ("mie", "mstatus", ...).
let csrRead (csr: string) : uint32 = ignore csr; 0u
let csrWrite (csr: string) (value: uint32) : unit = ignore csr; ignore value
let csrSet (csr: string) (bits: uint32) : unit = ignore csr; ignore bits
let csrClear (csr: string) (bits: uint32) : unit = ignore csr; ignore bits
