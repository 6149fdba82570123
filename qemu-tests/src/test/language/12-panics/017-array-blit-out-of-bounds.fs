// expect-exit: 101
// expect-output: 017-array-blit-out-of-bounds.out
module ArrayBlitOutOfBounds

let source = [| 1; 2; 3; 4 |]

let target: int[] = Array.zeroCreate 4

[<EntryPoint>]
let main _ =
    Array.blit source 0 target 1 3
    printfn "%d %d" target.[0] target.[3]
    Array.blit source 2 target 0 3
    0
