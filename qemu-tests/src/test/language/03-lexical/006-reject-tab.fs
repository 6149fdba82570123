// expect-error: 7:1: tab characters are not allowed; indent with spaces
module RejectTab

[<EntryPoint>]
let main _ =
    printfn "a tab follows"
	0
