// The HAL's GPIO in the object code: Gpio.set, clear and read of a pin are one store, one store and one
// load on every chip whose ports have set/clear registers or a masked data register (the Blue Pill and
// the Longan Nano among them, which QEMU does not run), counted against an empty program.
package org.fidembed.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.fidembed.device.Disassembly.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HalPinAccessTest {
    @TempDir
    Path dir;

    static final String HAL = """
            module Main
            open Fid.Device
            open Fid.Hal

            [<EntryPoint>]
            let main _ =
                Gpio.set Board.Led
                Gpio.clear Board.Led
                if Gpio.read Board.Led then 1 else 0
            """;

    static final String EMPTY = """
            module Main

            [<EntryPoint>]
            let main _ = 0
            """;

    /** Gpio.set, clear and read on the board's LED pin: a store, a store and a load where the port has set/clear registers. */
    @ParameterizedTest
    @ValueSource(strings = {"lm3s6965evb", "lm3s811evb", "microbit", "bluepill", "netduinoplus2", "longan-nano"})
    void halPinAccessesAreOneEach(String board) throws Exception {
        assertOneAccessEach(board, "Led");
    }

    /** The same on a CMSDK GPIO port of the MPS2 images (their LEDs are FPGAIO bits, a load and a store each). */
    @Test
    void cmsdkPinAccessesAreOneEach() throws Exception {
        assertOneAccessEach("mps2-an385", "Gpio0");
    }

    private void assertOneAccessEach(String board, String pin) throws Exception {
        List<String> ops = Disassembly.mnemonics(dir, board, "hal", HAL.replace("Board.Led", "Board." + pin), "fid.main,Reset_Handler");
        List<String> none = Disassembly.mnemonics(dir, board, "empty", EMPTY, "fid.main,Reset_Handler");
        long loads = count(ops, "ldr", "ldr.w", "lw") - count(none, "ldr", "ldr.w", "lw");
        long stores = count(ops, "str", "str.w", "sw") - count(none, "str", "str.w", "sw");
        assertEquals(2, stores, board + ": set and clear are one store each:\n" + ops + "\nwithout them: " + none);
        assertEquals(1, loads, board + ": read is one load:\n" + ops + "\nwithout it: " + none);
    }
}
