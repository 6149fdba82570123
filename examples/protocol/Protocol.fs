/// A binary command protocol: each frame is 0xA5, a type byte, a length byte, that many payload
/// bytes and a checksum (the XOR of type, length and payload). Decoding gives a Message or says
/// exactly what is wrong with the frame, as a Result.
module Protocol

[<Literal>]
let Start = 0xA5uy

type Message =
    | Ping of sequence: byte
    | SetLed of led: int * on: bool
    | SetSpeed of rpm: int16
    | Configure of key: byte * value: uint32

type DecodeError =
    | TooShort of length: int
    | BadStart of found: byte
    | UnknownType of kind: byte
    | BadLength of kind: byte * length: int
    | BadChecksum of expected: byte * found: byte
    | OutOfRange of field: string * value: int

/// The payload length each message type needs.
let payloadLength (kind: byte) : Result<int, DecodeError> =
    match kind with
    | 0x01uy -> Ok 1
    | 0x02uy -> Ok 2
    | 0x03uy -> Ok 2
    | 0x04uy -> Ok 5
    | k -> Error (UnknownType k)

let private header (frame: byte[]) : Result<byte * int, DecodeError> =
    if frame.Length < 4 then Error (TooShort frame.Length)
    elif frame.[0] <> Start then Error (BadStart frame.[0])
    else Ok (frame.[1], int frame.[2])

let private checkLength (frame: byte[]) (kind, length) =
    payloadLength kind
    |> Result.bind (fun needed ->
        if length <> needed || frame.Length <> length + 4 then Error (BadLength (kind, length))
        else Ok (kind, length))

let private checkSum (frame: byte[]) (kind, length) =
    let mutable sum = kind ^^^ byte length
    for i in 3 .. 2 + length do
        sum <- sum ^^^ frame.[i]
    let found = frame.[3 + length]
    if sum = found then Ok kind else Error (BadChecksum (sum, found))

let private u16 (frame: byte[]) (at: int) = uint16 frame.[at] ||| (uint16 frame.[at + 1] <<< 8)

let private body (frame: byte[]) (kind: byte) : Result<Message, DecodeError> =
    match kind with
    | 0x01uy -> Ok (Ping frame.[3])
    | 0x02uy ->
        let led = int frame.[3]
        if led > 3 then Error (OutOfRange ("led", led))
        else Ok (SetLed (led, frame.[4] <> 0uy))
    | 0x03uy ->
        let rpm = int16 (u16 frame 3)
        if rpm < -3000s || rpm > 3000s then Error (OutOfRange ("rpm", int rpm))
        else Ok (SetSpeed rpm)
    | _ ->
        let value = uint32 (u16 frame 4) ||| (uint32 (u16 frame 6) <<< 16)
        Ok (Configure (frame.[3], value))

let decode (frame: byte[]) : Result<Message, DecodeError> =
    header frame
    |> Result.bind (checkLength frame)
    |> Result.bind (checkSum frame)
    |> Result.bind (body frame)
