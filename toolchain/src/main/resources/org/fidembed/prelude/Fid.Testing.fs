/// On-target unit tests (`fid-embed test`, docs/cli.md): a module-level function of type unit -> unit
/// marked [<Test>] is a test. fid-embed collects the tests of the test files into one firmware that
/// runs each and reports it; a failed `assert` or any other panic fails the test that caused it.
/// This file only lets the ordinary F# compiler type-check test files that open Fid.Testing.
module Fid.Testing

[<System.AttributeUsage(System.AttributeTargets.Method)>]
type TestAttribute() =
    inherit System.Attribute()
