/// Draws into a 128 x 96 frame buffer of 16-bit RGB565 pixels: 24 KiB of RAM, which fits a board with
/// 64 KiB but not the 20 KiB of a Blue Pill, where the build stops with a memory report instead.
module Framebuffer

[<Literal>]
let Width = 128

[<Literal>]
let Height = 96

let frame : uint16[] = Array.zeroCreate (Width * Height)

[<Literal>]
let Black = 0x0000us

[<Literal>]
let Red = 0xF800us

[<Literal>]
let Green = 0x07E0us

[<Literal>]
let Blue = 0x001Fus

let plot (x: int) (y: int) (color: uint16) =
    if x >= 0 && x < Width && y >= 0 && y < Height then frame.[y * Width + x] <- color

let fill (x0: int) (y0: int) (w: int) (h: int) (color: uint16) =
    for y in y0 .. y0 + h - 1 do
        for x in x0 .. x0 + w - 1 do
            plot x y color

/// Bresenham's line from (x0, y0) to (x1, y1).
let line (x0: int) (y0: int) (x1: int) (y1: int) (color: uint16) =
    let dx = abs (x1 - x0)
    let dy = -(abs (y1 - y0))
    let sx = if x0 < x1 then 1 else -1
    let sy = if y0 < y1 then 1 else -1
    let mutable x = x0
    let mutable y = y0
    let mutable err = dx + dy
    let mutable go = true
    while go do
        plot x y color
        if x = x1 && y = y1 then go <- false
        else
            let e2 = 2 * err
            if e2 >= dy then
                err <- err + dy
                x <- x + sx
            if e2 <= dx then
                err <- err + dx
                y <- y + sy

/// A filled disc of radius r around (cx, cy).
let disc (cx: int) (cy: int) (r: int) (color: uint16) =
    for y in -r .. r do
        for x in -r .. r do
            if x * x + y * y <= r * r then plot (cx + x) (cy + y) color

/// Prints the frame shrunk 8 times, one character per 8 x 8 block: the colour most of it has.
let preview () =
    for by in 0 .. Height / 8 - 1 do
        for bx in 0 .. Width / 8 - 1 do
            let counts = Array.zeroCreate 4
            for y in by * 8 .. by * 8 + 7 do
                for x in bx * 8 .. bx * 8 + 7 do
                    let k =
                        match frame.[y * Width + x] with
                        | Red -> 1
                        | Green -> 2
                        | Blue -> 3
                        | _ -> 0
                    counts.[k] <- counts.[k] + 1
            let mutable best = 0
            for k in 1 .. 3 do
                if counts.[k] > counts.[best] then best <- k
            printf "%c" ".RGB".[best]
        printfn ""

[<EntryPoint>]
let main _ =
    printfn "frame buffer: %d x %d pixels, %d bytes" Width Height (frame.Length * 2)
    fill 0 0 Width Height Black
    fill 8 8 40 32 Red
    disc 88 56 24 Green
    line 0 95 127 0 Blue
    fill 16 64 24 24 Blue
    preview ()
    let lit = frame |> Array.sumBy (fun p -> if p <> Black then 1 else 0)
    printfn "%d pixels lit" lit
    0
