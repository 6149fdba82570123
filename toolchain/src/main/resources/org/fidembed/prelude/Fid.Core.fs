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

    /// a + b, checked as F#'s sum adds (Checked.(+)): an integer sum that wraps around panics. A float
    /// sum never passes the test (a positive b never makes a + b smaller, nor a negative b larger).
    let inline private checkedAdd (a: 'T) (b: 'T) : 'T =
        let s = a + b
        if (b > zero () && s < a) || (b < zero () && s > a) then failwith "arithmetic overflow"
        s

    let inline sum (source: 'T[]) : 'T =
        let mutable acc = zero ()
        for i in 0 .. source.Length - 1 do
            acc <- checkedAdd acc source.[i]
        acc

    let inline sumBy (f: 'T -> 'U) (source: 'T[]) : 'U =
        let mutable acc = zero ()
        for i in 0 .. source.Length - 1 do
            acc <- checkedAdd acc (f source.[i])
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

    let inline private swap (array: 'T[]) (i: int) (j: int) =
        let t = array.[i]
        array.[i] <- array.[j]
        array.[j] <- t

    /// Sorts in place by comparer. Arrays of up to 16 elements are ordered as .NET's Array.Sort orders
    /// them (two or three elements by compare-and-swap, more by insertion sort), so equal elements end
    /// where F# puts them; longer ones by heapsort (no recursion, no extra memory), where equal
    /// elements may end in another order than .NET's: F# documents its sorts as unstable.
    let inline sortInPlaceWith (comparer: 'T -> 'T -> int) (array: 'T[]) =
        let n = array.Length
        if n <= 3 then
            if n >= 2 && comparer array.[0] array.[1] > 0 then swap array 0 1
            if n = 3 then
                if comparer array.[0] array.[2] > 0 then swap array 0 2
                if comparer array.[1] array.[2] > 0 then swap array 1 2
        elif n <= 16 then
            for i in 0 .. n - 2 do
                let t = array.[i + 1]
                let mutable j = i
                while j >= 0 && comparer t array.[j] < 0 do
                    array.[j + 1] <- array.[j]
                    j <- j - 1
                array.[j + 1] <- t
        else
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
                    swap array 0 finish
                    finish <- finish - 1
                    root <- 0
                    limit <- finish
                let mutable sifting = true
                while sifting do
                    let mutable child = 2 * root + 1
                    if child > limit then sifting <- false
                    else
                        if child + 1 <= limit && comparer array.[child] array.[child + 1] < 0 then child <- child + 1
                        if comparer array.[root] array.[child] < 0 then
                            swap array root child
                            root <- child
                        else sifting <- false

    /// Sorts ascending by compare, in place.
    let sortInPlace (array: 'T[]) = sortInPlaceWith compare array

    /// Sorts in place by the keys the projection gives (computed at each comparison: F# computes each
    /// key once, the same keys for a projection without side effects).
    let inline sortInPlaceBy (projection: 'T -> 'Key) (array: 'T[]) =
        sortInPlaceWith (fun a b -> compare (projection a) (projection b)) array

    let inline sortWith (comparer: 'T -> 'T -> int) (source: 'T[]) =
        let a = copy source
        sortInPlaceWith comparer a
        a

    let inline sort (source: 'T[]) =
        let a = copy source
        sortInPlace a
        a

    let inline sortBy (projection: 'T -> 'Key) (source: 'T[]) =
        let a = copy source
        sortInPlaceBy projection a
        a

    let inline sortDescending (source: 'T[]) = sortWith (fun a b -> compare b a) source

    let inline sortByDescending (projection: 'T -> 'Key) (source: 'T[]) =
        sortWith (fun a b -> compare (projection b) (projection a)) source

    // ---- functions whose result has the length of their input, or a length fixed by constants

    let inline rev (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            a.[source.Length - 1 - i] <- source.[i]
        a

    let inline indexed (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            a.[i] <- (i, source.[i])
        a

    let inline replicate (count: int) (initial: 'T) =
        if count < 0 then failwith "the input must be non-negative"
        create count initial

    let inline singleton (value: 'T) = [| value |]

    /// max x 0 in operators the known-length rule folds (a length may not come from an if).
    let inline private nonNegative (x: int) = x &&& (-1 - (x >>> 31))

    let inline sub (array: 'T[]) (startIndex: int) (count: int) =
        if startIndex < 0 || count < 0 then failwith "the input must be non-negative"
        if startIndex + count > array.Length then failwith "the index is outside the legal range"
        let a = Array.zeroCreate count
        for i in 0 .. count - 1 do
            a.[i] <- array.[startIndex + i]
        a

    let inline take (count: int) (array: 'T[]) =
        if count < 0 then failwith "the input must be non-negative"
        if count > array.Length then failwith "the input sequence has an insufficient number of elements"
        sub array 0 count

    let inline truncate (count: int) (array: 'T[]) =
        // min count array.Length, at least 0
        sub array 0 (nonNegative (array.Length - nonNegative (array.Length - count)))

    let inline splitAt (index: int) (array: 'T[]) =
        if index < 0 then failwith "the input must be non-negative"
        if index > array.Length then failwith "the input sequence has an insufficient number of elements"
        sub array 0 index, sub array index (array.Length - index)

    let inline skip (count: int) (array: 'T[]) =
        if count > array.Length then failwith "the index is outside the legal range"
        let start = nonNegative count
        sub array start (array.Length - start)

    let inline tail (array: 'T[]) =
        if array.Length = 0 then failwith "the input sequence has an insufficient number of elements"
        sub array 1 (array.Length - 1)

    let inline append (array1: 'T[]) (array2: 'T[]) =
        let a = Array.zeroCreate (array1.Length + array2.Length)
        for i in 0 .. array1.Length - 1 do
            a.[i] <- array1.[i]
        for i in 0 .. array2.Length - 1 do
            a.[array1.Length + i] <- array2.[i]
        a

    let inline updateAt (index: int) (value: 'T) (source: 'T[]) =
        if index < 0 || index >= source.Length then failwith "index must be within bounds of the array"
        let a = copy source
        a.[index] <- value
        a

    let inline insertAt (index: int) (value: 'T) (source: 'T[]) =
        if index < 0 || index > source.Length then failwith "index must be within bounds of the array"
        let a = Array.zeroCreate (source.Length + 1)
        for i in 0 .. source.Length do
            a.[i] <- if i < index then source.[i] elif i = index then value else source.[i - 1]
        a

    let inline removeAt (index: int) (source: 'T[]) =
        if index < 0 || index >= source.Length then failwith "index must be within bounds of the array"
        let a = Array.zeroCreate (source.Length - 1)
        for i in 0 .. source.Length - 2 do
            a.[i] <- if i < index then source.[i] else source.[i + 1]
        a

    let inline scan (folder: 'S -> 'T -> 'S) (state: 'S) (source: 'T[]) =
        let a = Array.zeroCreate (source.Length + 1)
        a.[0] <- state
        for i in 0 .. source.Length - 1 do
            a.[i + 1] <- folder a.[i] source.[i]
        a

    let inline mapFold (mapping: 'S -> 'T -> 'U * 'S) (state: 'S) (source: 'T[]) =
        let a = Array.zeroCreate source.Length
        let mutable acc = state
        for i in 0 .. source.Length - 1 do
            let r, s = mapping acc source.[i]
            a.[i] <- r
            acc <- s
        a, acc

    let inline mapFoldBack (mapping: 'T -> 'S -> 'U * 'S) (source: 'T[]) (state: 'S) =
        let a = Array.zeroCreate source.Length
        let mutable acc = state
        for i in source.Length - 1 .. -1 .. 0 do
            let r, s = mapping source.[i] acc
            a.[i] <- r
            acc <- s
        a, acc

    let inline pairwise (source: 'T[]) =
        let a = Array.zeroCreate (nonNegative (source.Length - 1))
        for i in 0 .. a.Length - 1 do
            a.[i] <- (source.[i], source.[i + 1])
        a

    let inline allPairs (array1: 'T[]) (array2: 'U[]) =
        let a = Array.zeroCreate (array1.Length * array2.Length)
        for i in 0 .. array1.Length - 1 do
            for j in 0 .. array2.Length - 1 do
                a.[i * array2.Length + j] <- (array1.[i], array2.[j])
        a

    let inline unzip (source: ('T * 'U)[]) =
        let a = Array.zeroCreate source.Length
        let b = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            let x, y = source.[i]
            a.[i] <- x
            b.[i] <- y
        a, b

    let inline unzip3 (source: ('T * 'U * 'V)[]) =
        let a = Array.zeroCreate source.Length
        let b = Array.zeroCreate source.Length
        let c = Array.zeroCreate source.Length
        for i in 0 .. source.Length - 1 do
            let x, y, z = source.[i]
            a.[i] <- x
            b.[i] <- y
            c.[i] <- z
        a, b, c

    // ---- two (or three) arrays of one length: F# checks the lengths before it calls the function

    let inline private sameLength (array1: 'T[]) (array2: 'U[]) =
        if array1.Length <> array2.Length then failwith "the arrays have different lengths"

    let inline zip (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let a = Array.zeroCreate array1.Length
        for i in 0 .. array1.Length - 1 do
            a.[i] <- (array1.[i], array2.[i])
        a

    let inline zip3 (array1: 'T[]) (array2: 'U[]) (array3: 'V[]) =
        if array1.Length <> array2.Length || array1.Length <> array3.Length then failwith "the arrays have different lengths"
        let a = Array.zeroCreate array1.Length
        for i in 0 .. array1.Length - 1 do
            a.[i] <- (array1.[i], array2.[i], array3.[i])
        a

    let inline map2 (mapping: 'T -> 'U -> 'R) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let a = Array.zeroCreate array1.Length
        for i in 0 .. array1.Length - 1 do
            a.[i] <- mapping array1.[i] array2.[i]
        a

    let inline mapi2 (mapping: int -> 'T -> 'U -> 'R) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let a = Array.zeroCreate array1.Length
        for i in 0 .. array1.Length - 1 do
            a.[i] <- mapping i array1.[i] array2.[i]
        a

    let inline map3 (mapping: 'T -> 'U -> 'V -> 'R) (array1: 'T[]) (array2: 'U[]) (array3: 'V[]) =
        if array1.Length <> array2.Length || array1.Length <> array3.Length then failwith "the arrays have different lengths"
        let a = Array.zeroCreate array1.Length
        for i in 0 .. array1.Length - 1 do
            a.[i] <- mapping array1.[i] array2.[i] array3.[i]
        a

    let inline iter2 (action: 'T -> 'U -> unit) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        for i in 0 .. array1.Length - 1 do
            action array1.[i] array2.[i]

    let inline iteri2 (action: int -> 'T -> 'U -> unit) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        for i in 0 .. array1.Length - 1 do
            action i array1.[i] array2.[i]

    let inline fold2 (folder: 'S -> 'T -> 'U -> 'S) (state: 'S) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let mutable acc = state
        for i in 0 .. array1.Length - 1 do
            acc <- folder acc array1.[i] array2.[i]
        acc

    let inline foldBack (folder: 'T -> 'S -> 'S) (source: 'T[]) (state: 'S) =
        let mutable acc = state
        for i in source.Length - 1 .. -1 .. 0 do
            acc <- folder source.[i] acc
        acc

    let inline foldBack2 (folder: 'T -> 'U -> 'S -> 'S) (array1: 'T[]) (array2: 'U[]) (state: 'S) =
        sameLength array1 array2
        let mutable acc = state
        for i in array1.Length - 1 .. -1 .. 0 do
            acc <- folder array1.[i] array2.[i] acc
        acc

    let inline forall2 (predicate: 'T -> 'U -> bool) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let mutable ok = true
        let mutable i = 0
        while ok && i < array1.Length do
            if not (predicate array1.[i] array2.[i]) then ok <- false
            i <- i + 1
        ok

    let inline exists2 (predicate: 'T -> 'U -> bool) (array1: 'T[]) (array2: 'U[]) =
        sameLength array1 array2
        let mutable found = false
        let mutable i = 0
        while not found && i < array1.Length do
            if predicate array1.[i] array2.[i] then found <- true
            i <- i + 1
        found

    let inline compareWith (comparer: 'T -> 'T -> int) (array1: 'T[]) (array2: 'T[]) =
        let n = if array1.Length < array2.Length then array1.Length else array2.Length
        let mutable result = 0
        let mutable i = 0
        while result = 0 && i < n do
            result <- comparer array1.[i] array2.[i]
            i <- i + 1
        if result <> 0 then result
        elif array1.Length = array2.Length then 0
        elif array1.Length < array2.Length then -1
        else 1

    // ---- searching and reducing

    let inline head (array: 'T[]) =
        if array.Length = 0 then failwith "the input array was empty"
        array.[0]

    let inline last (array: 'T[]) =
        if array.Length = 0 then failwith "the input array was empty"
        array.[array.Length - 1]

    let inline tryHead (array: 'T[]) = if array.Length = 0 then None else Some array.[0]

    let inline tryLast (array: 'T[]) = if array.Length = 0 then None else Some array.[array.Length - 1]

    let inline item (index: int) (array: 'T[]) = array.[index]

    let inline get (array: 'T[]) (index: int) = array.[index]

    let inline set (array: 'T[]) (index: int) (value: 'T) = array.[index] <- value

    let inline tryItem (index: int) (array: 'T[]) =
        if index < 0 || index >= array.Length then None else Some array.[index]

    let inline exactlyOne (array: 'T[]) =
        if array.Length = 0 then failwith "the input sequence was empty"
        if array.Length > 1 then failwith "the input sequence contains more than one element"
        array.[0]

    let inline tryExactlyOne (array: 'T[]) = if array.Length = 1 then Some array.[0] else None

    let inline tryFindBack (predicate: 'T -> bool) (source: 'T[]) =
        let mutable result = None
        let mutable i = source.Length - 1
        while result.IsNone && i >= 0 do
            if predicate source.[i] then result <- Some source.[i]
            i <- i - 1
        result

    let inline tryFindIndexBack (predicate: 'T -> bool) (source: 'T[]) =
        let mutable result = None
        let mutable i = source.Length - 1
        while result.IsNone && i >= 0 do
            if predicate source.[i] then result <- Some i
            i <- i - 1
        result

    let inline tryPick (chooser: 'T -> 'U option) (source: 'T[]) =
        let mutable result = None
        let mutable i = 0
        while result.IsNone && i < source.Length do
            result <- chooser source.[i]
            i <- i + 1
        result

    let inline private found (result: 'T option) =
        match result with
        | Some v -> v
        | None -> failwith "an index satisfying the predicate was not found in the collection"

    let inline find (predicate: 'T -> bool) (source: 'T[]) = found (tryFind predicate source)

    let inline findBack (predicate: 'T -> bool) (source: 'T[]) = found (tryFindBack predicate source)

    let inline findIndex (predicate: 'T -> bool) (source: 'T[]) = found (tryFindIndex predicate source)

    let inline findIndexBack (predicate: 'T -> bool) (source: 'T[]) = found (tryFindIndexBack predicate source)

    let inline pick (chooser: 'T -> 'U option) (source: 'T[]) = found (tryPick chooser source)

    let inline reduce (reduction: 'T -> 'T -> 'T) (source: 'T[]) =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable acc = source.[0]
        for i in 1 .. source.Length - 1 do
            acc <- reduction acc source.[i]
        acc

    let inline reduceBack (reduction: 'T -> 'T -> 'T) (source: 'T[]) =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable acc = source.[source.Length - 1]
        for i in source.Length - 2 .. -1 .. 0 do
            acc <- reduction source.[i] acc
        acc

    /// The first element whose key no later key beats (F#'s maxBy and minBy keep the first of equal keys).
    let inline private bestBy (beats: 'U -> 'U -> bool) (projection: 'T -> 'U) (source: 'T[]) =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable best = source.[0]
        let mutable key = projection best
        for i in 1 .. source.Length - 1 do
            let k = projection source.[i]
            if beats k key then
                key <- k
                best <- source.[i]
        best

    let inline maxBy (projection: 'T -> 'U) (source: 'T[]) = bestBy (fun k key -> k > key) projection source

    let inline minBy (projection: 'T -> 'U) (source: 'T[]) = bestBy (fun k key -> k < key) projection source

    /// The mean of float or float32 values (F# requires a type with DivideByInt, so not an integer).
    let inline averageBy (projection: 'T -> 'U) (source: 'T[]) : 'U =
        if source.Length = 0 then failwith "the input array was empty"
        let mutable acc = zero ()
        for i in 0 .. source.Length - 1 do
            acc <- acc + projection source.[i]
        acc / ofInt source.Length

    let inline average (source: 'T[]) : 'T = averageBy id source

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
