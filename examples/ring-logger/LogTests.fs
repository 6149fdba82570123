/// On-target tests of the ring: `fid-embed test --board lm3s6965evb examples/ring-logger`.
module LogTests

open Fid.Testing

[<Test>]
let keepsEntriesInOrder () =
    Log.clear ()
    Log.setLevel Log.Debug
    Log.write 1u Log.Info "a" 1
    Log.write 2u Log.Warn "b" 2
    assert (Log.length () = 2)
    assert ((Log.item 0).Text = "a")
    assert ((Log.item 1).Value = 2)

[<Test>]
let overwritesTheOldestWhenFull () =
    Log.clear ()
    Log.setLevel Log.Debug
    for i in 1 .. Log.Capacity + 3 do
        Log.write (uint32 i) Log.Debug "tick" i
    assert (Log.length () = Log.Capacity)
    assert (Log.dropped () = 3)
    assert ((Log.item 0).Value = 4)
    assert ((Log.item (Log.Capacity - 1)).Value = Log.Capacity + 3)

[<Test>]
let dropsEntriesBelowTheLevel () =
    Log.clear ()
    Log.setLevel Log.Warn
    Log.write 1u Log.Info "quiet" 0
    Log.write 2u Log.Error "loud" 0
    assert (Log.length () = 1)
    assert ((Log.item 0).Level = Log.Error)
