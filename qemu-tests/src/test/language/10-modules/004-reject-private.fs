// expect-error: 10:28: the value 'secret' is private to module 'Vault'
module RejectPrivate

module Vault =
    let private secret = 1234
    let reveal () = secret

[<EntryPoint>]
let main _ =
    printfn "%d %d" (Vault.secret) (Vault.reveal ())
    0
