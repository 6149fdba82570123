// The files of a new project (`fid-embed new`): valid F# for fid-embed and for the F# compiler, so that
// the first `fid-embed run`, `fid-embed test` and the editor's type check all pass as created.
package org.fidembed.cli;

import org.fidembed.board.Target;

final class Templates {
    private Templates() { }

    static String fidToml(String name, String board) {
        return """
                # The fid-embed project %s (see README.md).
                name = "%s"
                sources = ["src/App.fs", "src/Main.fs"]   # in compilation order; the file with main comes last
                board = "%s"
                tests = ["Tests.fs"]                      # what `fid-embed test` adds to the sources (without main)
                """.formatted(name, name, board.replace("\\", "/"));
    }

    static String app(String name) {
        return """
                /// The logic of %s, kept apart from main so that Tests.fs can test it.
                module App

                /// What main prints first.
                let greeting = "Hello"

                /// 1 + 2 + ... + n: the kind of function worth a test.
                let triangle n =
                    let mutable sum = 0
                    for i in 1 .. n do
                        sum <- sum + i
                    sum
                """.formatted(name);
    }

    static String main(String name) {
        return """
                /// The entry point of %s: what the board runs. Under QEMU, main's result is the exit code.
                module Main

                [<EntryPoint>]
                let main _ =
                    printfn "%%s from %s on %%s!" App.greeting Fid.Board.Name
                    printfn "1 + 2 + ... + 10 = %%d" (App.triangle 10)
                    0
                """.formatted(name, name);
    }

    static String tests() {
        return """
                /// Tests of App: `fid-embed test` runs each [<Test>] on the board under QEMU.
                module Tests

                open Fid.Testing

                [<Test>]
                let triangleOfTenIs55 () = assert (App.triangle 10 = 55)
                """;
    }

    static String gitignore() {
        return """
                # what fid-embed builds (build/BOARD/) and writes for editors (fid-embed editor)
                build/
                .fid/
                # what an editor's own build of the .fsproj leaves
                bin/
                obj/
                """;
    }

    static String readme(String name, Target t) {
        String board = t.name();
        String runs = t.qemu().isPresent()
                ? "`" + board + "` runs under QEMU, so `fid-embed run` and `fid-embed test` work here as they are; `flash` needs a\nserial board B (`fid-embed boards` lists them).\n"
                : "`" + board + "` is a real board: `run` and `test` need a QEMU board, e.g. `--board lm3s6965evb`.\n";
        return """
                # %s

                Firmware in F# for `%s` (%s), built with fid-embed.

                    fid-embed run                 # build and run under QEMU; the UART is your terminal
                    fid-embed test                # run the [<Test>]s of Tests.fs on the board under QEMU
                    fid-embed build               # build/%s/%s.elf, .bin, .hex and the memory report
                    fid-embed flash --board %s --port PORT .   # onto a real board, over its serial bootloader

                %sAdd `--board B` to any of them for another board (`fid-embed boards` lists them).

                | file | what it holds |
                |---|---|
                | `fid.toml` | the name, the sources in compilation order, the board, the test files |
                | `src/App.fs` | the program's logic |
                | `src/Main.fs` | `main`, the entry point |
                | `Tests.fs` | the tests |
                | `%s.fsproj`, `.fid/editor/` | for F# editors (Ionide, Rider): the prelude's F# sources for this board; `fid-embed editor` writes them again after a change of fid.toml or the board |
                """.formatted(name, board, t.cpuSummary(), board, name, t.flash().isPresent() ? board : "B", runs, name);
    }
}
