// Test support: builds a program for a board with the toolchain as a library and runs it under
// QEMU, capturing the UART output, the exit code and the compiler's messages.
package org.fidembed.qemutests;

import org.fidembed.board.PanicStrategy;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import org.fidembed.flasher.monitor.TrapSites;
import org.fidembed.image.ElfFile;
import org.fidembed.image.ImageFormatException;
import org.fidembed.qemu.QemuRunner;
import org.fidembed.qemu.TrapDecodingStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class Firmware {
    private Firmware() { }

    /** The repository root (tests run in the qemu-tests module folder). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }

    /** The boards that run under QEMU, from the shipped profiles. */
    static List<String> qemuBoards() {
        List<String> out = new ArrayList<>();
        for (Target t : Profiles.all()) if (t.qemu().isPresent()) out.add(t.name());
        return out;
    }

    /**
     * The QEMU boards a suite runs on: all of them, or those of -DPROPERTY=B,C (a quicker loop); a name that is
     * not a QEMU board fails once, with the list of them.
     */
    static List<String> selectedBoards(String property) {
        String only = System.getProperty(property, "");
        if (only.isBlank()) return qemuBoards();
        List<String> asked = List.of(only.split(","));
        for (String b : asked) {
            if (!qemuBoards().contains(b)) {
                throw new IllegalArgumentException("-D" + property + ": '" + b + "' is not a QEMU board; the QEMU boards are "
                        + String.join(", ", qemuBoards()));
            }
        }
        return asked;
    }

    /** Whether a board's core is an ARM one (the "arm" of a test's boards header). */
    static boolean isArm(String board) {
        return Build.loadTarget(board).isCortexM();
    }

    /** highWater: the stack's measured high-water mark (-1 if not reported); bound: the proven bound. */
    record Outcome(int buildExit, String buildErrors, int exitCode, byte[] output, boolean timedOut, String command,
                   long highWater, long bound) {
        String text() { return new String(output, StandardCharsets.UTF_8); }
    }

    static Outcome buildAndRun(Path src, String board, Path work, double timeout, byte[] input) {
        return buildAndRun(src, board, work, timeout, input, null);
    }

    /**
     * panic: another panic strategy than the board's and the project's (null: theirs). As `run` does, a
     * trap's fault line in the output is decoded to "panic at FILE:LINE:COL" with the ELF.
     */
    static Outcome buildAndRun(Path src, String board, Path work, double timeout, byte[] input, PanicStrategy panic) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(work).paintStack(true).quiet(true).measureStack(true).panic(panic).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String errors = err.toString(StandardCharsets.UTF_8);
        String command = (panic == null ? "" : "(with panic = \"" + panic.id() + "\" in fid.toml) ")
                + "./fid-embed run --board " + board + " --timeout " + (int) timeout + " " + src;
        if (r.exitCode() != 0) return new Outcome(r.exitCode(), errors, -1, new byte[0], false, command, -1, -1);
        var q = r.target().qemu().orElseThrow();
        List<String> args = new ArrayList<>(List.of("-M", q.machine()));
        args.addAll(q.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrapDecodingStream traps;
        try {
            traps = new TrapDecodingStream(out, TrapSites.of(ElfFile.parse(r.elf().toString(), Files.readAllBytes(r.elf()))));
        } catch (IOException | ImageFormatException e) {
            throw new IllegalStateException("cannot read " + r.elf() + ": " + e.getMessage(), e);
        }
        org.fidembed.qemu.StackMarkFilter uart = new org.fidembed.qemu.StackMarkFilter(traps);
        QemuRunner.Result res = QemuRunner.run(new QemuRunner.Request(q.executable(), args, r.elf(), timeout,
                input == null ? new byte[0] : input, uart, new PrintStream(new ByteArrayOutputStream())));
        try {
            traps.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long bound = r.allocation().stack().map(org.fidembed.alloc.StackBounds::program).orElse(-1L);
        StackLog.record(src.getFileName().toString(), board, uart.highWater(), bound, r.allocation().stack().map(sb -> sb.main().bound()).orElse(-1L));
        return new Outcome(0, errors, res.exitCode(), out.toByteArray(), res.timedOut(), command, uart.highWater(), bound);
    }
}
