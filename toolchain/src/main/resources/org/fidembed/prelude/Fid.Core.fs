/// The library of fid-embed programs (language.md §9): the operators and functions F# programs use
/// without opening anything, and the Array, Option, ValueOption and Result modules. Every function
/// that takes a function is inline, so a lambda passed to it is compiled in place, without a closure.
[<AutoOpen>]
module Fid.Core

open Fid.Intrinsics

let inline ignore (_: 'T) = ()
let inline id (x: 'T) = x
let inline fst (a, _) = a
let inline snd (_, b) = b
let inline max a b = if a < b then b else a
let inline min a b = if a < b then a else b
let inline (>>) f g = fun x -> g (f x)
let inline (<<) f g = fun x -> f (g x)

/// Ends the program with this exit code, as returning it from main does (under QEMU the exit code;
/// on a board a halt).
let exit (code: int) : 'T =
    Fid.Intrinsics.exit code
    Fid.Intrinsics.unreachable ()

module Array =
    let inline length (a: 'T[]) = a.Length

    let inline isEmpty (a: 'T[]) = a.Length = 0

    let inline create (count: int) (value: 'T) =
        let a = Array.zeroCreate count
        for i in 0 .. count - 1 do
            a.[i] <- value
        a

    let inline init (count: int) (f: int -> 'T) =
        let a = Array.zeroCreate count
        for i in 0 .. count - 1 do
            a.[i] <- f i
        a

    let inline copy (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            a.[i] <- source.[i]
        a

    let inline map (f: 'T -> 'U) (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            a.[i] <- f source.[i]
        a

    let inline mapi (f: int -> 'T -> 'U) (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            a.[i] <- f i source.[i]
        a

    let inline iter (f: 'T -> unit) (source: 'T[]) =
        for i in 0 .. source.Length - 1 do
            f source.[i]

    let inline iteri (f: int -> 'T -> unit) (source: 'T[]) =
        for i in 0 .. source.Length - 1 do
            f i source.[i]

    let inline fold (f: 'S -> 'T -> 'S) (state: 'S) (source: 'T[]) =
        let mutable acc = state
        for i in 0 .. source.Length - 1 do
            acc <- f acc source.[i]
        acc

    let inline sum (source: 'T[]) : 'T =
        let mutable acc = zero ()
        for i in 0 .. source.Length - 1 do
            acc <- acc + source.[i]
        acc

    let inline sumBy (f: 'T -> 'U) (source: 'T[]) : 'U =
        let mutable acc = zero ()
        for i in 0 .. source.Length - 1 do
            acc <- acc + f source.[i]
        acc

    let inline max (source: 'T[]) =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable m = source.[0]
        for i in 1 .. source.Length - 1 do
            if m < source.[i] then m <- source.[i]
        m

    let inline min (source: 'T[]) =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable m = source.[0]
        for i in 1 .. source.Length - 1 do
            if source.[i] < m then m <- source.[i]
        m

    let inline exists (f: 'T -> bool) (source: 'T[]) =
        let mutable found = false
        let mutable i = 0
        while not found && i < source.Length do
            if f source.[i] then found <- true
            i <- i + 1
        found

    let inline forall (f: 'T -> bool) (source: 'T[]) =
        let mutable ok = true
        let mutable i = 0
        while ok && i < source.Length do
            if not (f source.[i]) then ok <- false
            i <- i + 1
        ok

    let inline contains (value: 'T) (source: 'T[]) =
        let mutable found = false
        let mutable i = 0
        while not found && i < source.Length do
            if source.[i] = value then found <- true
            i <- i + 1
        found

    let inline tryFind (f: 'T -> bool) (source: 'T[]) =
        let mutable result = None
        let mutable i = 0
        while result.IsNone && i < source.Length do
            if f source.[i] then result <- Some source.[i]
            i <- i + 1
        result

    let inline tryFindIndex (f: 'T -> bool) (source: 'T[]) =
        let mutable result = None
        let mutable i = 0
        while result.IsNone && i < source.Length do
            if f source.[i] then result <- Some i
            i <- i + 1
        result

    let inline fill (target: 'T[]) (targetIndex: int) (count: int) (value: 'T) =
        if targetIndex < 0 || count < 0 || targetIndex + count > target.Length then failwith "index out of bounds"
        for i in targetIndex .. targetIndex + count - 1 do
            target.[i] <- value

    let inline blit (source: 'T[]) (sourceIndex: int) (target: 'T[]) (targetIndex: int) (count: int) =
        if sourceIndex < 0 || targetIndex < 0 || count < 0
           || sourceIndex + count > source.Length || targetIndex + count > target.Length then
            failwith "index out of bounds"
        if targetIndex <= sourceIndex then
            for i in 0 .. count - 1 do
                target.[targetIndex + i] <- source.[sourceIndex + i]
        else
            for i in count - 1 .. -1 .. 0 do
                target.[targetIndex + i] <- source.[sourceIndex + i]

    /// Sorts ascending by compare, in place (heapsort: no recursion, no extra memory).
    let sortInPlace (a: 'T[]) =
        let n = a.Length
        let mutable start = n / 2 - 1
        let mutable finish = n - 1
        // build the heap, then move the largest to the end, one at a time
        while start >= 0 || finish > 0 do
            let mutable root = 0
            let mutable limit = 0
            if start >= 0 then
                root <- start
                limit <- n - 1
                start <- start - 1
            else
                let t = a.[0]
                a.[0] <- a.[finish]
                a.[finish] <- t
                finish <- finish - 1
                root <- 0
                limit <- finish
            let mutable sifting = true
            while sifting do
                let mutable child = 2 * root + 1
                if child > limit then sifting <- false
                else
                    if child + 1 <= limit && compare a.[child] a.[child + 1] < 0 then child <- child + 1
                    if compare a.[root] a.[child] < 0 then
                        let t = a.[root]
                        a.[root] <- a.[child]
                        a.[child] <- t
                        root <- child
                    else sifting <- false

module Option =
    let inline map (f: 'T -> 'U) (o: 'T option) = match o with Some v -> Some (f v) | None -> None
    let inline bind (f: 'T -> 'U option) (o: 'T option) = match o with Some v -> f v | None -> None
    let inline defaultValue (d: 'T) (o: 'T option) = match o with Some v -> v | None -> d
    let inline defaultWith (f: unit -> 'T) (o: 'T option) = match o with Some v -> v | None -> f ()
    let inline isSome (o: 'T option) = match o with Some _ -> true | None -> false
    let inline isNone (o: 'T option) = match o with Some _ -> false | None -> true
    let inline iter (f: 'T -> unit) (o: 'T option) = match o with Some v -> f v | None -> ()
    let inline get (o: 'T option) = match o with Some v -> v | None -> failwith "the option value was None"

module ValueOption =
    let inline map (f: 'T -> 'U) (o: 'T voption) = match o with ValueSome v -> ValueSome (f v) | ValueNone -> ValueNone
    let inline bind (f: 'T -> 'U voption) (o: 'T voption) = match o with ValueSome v -> f v | ValueNone -> ValueNone
    let inline defaultValue (d: 'T) (o: 'T voption) = match o with ValueSome v -> v | ValueNone -> d
    let inline defaultWith (f: unit -> 'T) (o: 'T voption) = match o with ValueSome v -> v | ValueNone -> f ()
    let inline isSome (o: 'T voption) = match o with ValueSome _ -> true | ValueNone -> false
    let inline isNone (o: 'T voption) = match o with ValueSome _ -> false | ValueNone -> true
    let inline iter (f: 'T -> unit) (o: 'T voption) = match o with ValueSome v -> f v | ValueNone -> ()
    let inline get (o: 'T voption) = match o with ValueSome v -> v | ValueNone -> failwith "the option value was None"

module Result =
    let inline map (f: 'T -> 'U) (r: Result<'T, 'E>) : Result<'U, 'E> = match r with Ok v -> Ok (f v) | Error e -> Error e
    let inline mapError (f: 'E -> 'F) (r: Result<'T, 'E>) : Result<'T, 'F> = match r with Ok v -> Ok v | Error e -> Error (f e)
    let inline bind (f: 'T -> Result<'U, 'E>) (r: Result<'T, 'E>) : Result<'U, 'E> = match r with Ok v -> f v | Error e -> Error e
