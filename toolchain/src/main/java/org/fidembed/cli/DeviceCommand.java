// `fid-embed device --board B [-o FILE]`: writes the F# source of the board's module Fid.Device,
// generated from its chip's SVD, so that editors and readers see what `open Fid.Device` brings.
package org.fidembed.cli;

import org.fidembed.board.Target;
import org.fidembed.board.svd.SvdException;
import org.fidembed.device.DeviceModule;
import org.fidembed.device.Devices;
import org.fidembed.driver.Build;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Write the F# source of module Fid.Device for a board: its chip's peripherals, registers and fields from "
                + "the chip's SVD file, each access one volatile load or store. Programs get it with 'open Fid.Device'.")
public final class DeviceCommand implements Callable<Integer> {

    @Option(names = {"-b", "--board"}, required = true, paramLabel = "B", description = "board profile name (see 'fid-embed boards') or path of a profile .toml")
    String board;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write it to FILE (default: standard output)")
    Path output;

    @Option(names = "--stats", description = "print the counts of peripherals, registers, fields and values on standard error")
    boolean stats;

    @Override public Integer call() throws IOException {
        Target t = Build.loadTarget(board);
        DeviceModule.Result r;
        try {
            r = Devices.module(t).orElseThrow(() -> new Build.UsageError("board '" + t.name() + "' has no SVD file (its chip profile names none)"));
        } catch (SvdException e) {
            Main.err.println(e.getMessage() + "");
            return 1;
        } catch (IllegalArgumentException e) {
            Main.err.println("fid-embed: board '" + t.name() + "': " + e.getMessage());
            return 1;
        }
        Devices.svd(t).ifPresent(d -> d.warnings().forEach(w -> Main.err.println(w.replaceFirst(": ", ": warning: "))));
        if (output == null) Main.out.print(r.source());
        else Files.writeString(output, r.source(), StandardCharsets.UTF_8);
        DeviceModule.Stats s = r.stats();
        if (stats || output != null)
            Main.err.println(t.name() + ": " + s.peripherals() + " peripherals, " + s.registers() + " registers, " + s.fields() + " fields, "
                    + s.values() + " enumerated values" + (s.skipped() > 0 ? ", " + s.skipped() + " registers left out" : "") + "; " + s.lines() + " lines"
                    + (output != null ? " in " + output : ""));
        return 0;
    }
}
