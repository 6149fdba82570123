// The UART filter of `run` and the tests: a trap's fault line becomes "panic at FILE:LINE:COL", every
// other byte passes through unchanged and at once (a prompt without a newline is not held back).
package org.fidembed.qemu;

import org.fidembed.flasher.monitor.TrapSites;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrapDecodingStreamTest {
    private static final TrapSites SITES = new TrapSites(Map.of(0x122L, "Idx.fs:5:13"));

    @Test
    void aTrapLineIsDecodedAndTheRestPassesThrough() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrapDecodingStream s = new TrapDecodingStream(out, SITES);
        s.write("30\npanic: fault (cause 0x00010000) at pc 0x00000122\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("30\npanic at Idx.fs:5:13\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        s.write("panic: fault (cause 0x00010000) at pc 0x00000124\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("panic: fault (cause 0x00010000) at pc 0x00000124\n", out.toString(StandardCharsets.UTF_8), "not a trap site");
    }

    @Test
    void aTrapLineWithTheFaultBitsNamedIsDecodedToo() throws Exception {
        // ARMv8-M boards name the set CFSR bits in the fault line (mps2-an505, mps3-an547)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrapDecodingStream s = new TrapDecodingStream(out, SITES);
        s.write("panic: fault (cause 0x00010000 UNDEFINSTR) at pc 0x00000122\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("panic at Idx.fs:5:13\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void otherTextIsNotHeldBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrapDecodingStream s = new TrapDecodingStream(out, SITES);
        s.write("> ".getBytes(StandardCharsets.UTF_8));
        assertEquals("> ", out.toString(StandardCharsets.UTF_8));
        s.write("ok\npan".getBytes(StandardCharsets.UTF_8));
        assertEquals("> ok\n", out.toString(StandardCharsets.UTF_8), "the start of a fault line waits");
        s.write("ts\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("> ok\npants\n", out.toString(StandardCharsets.UTF_8));
        s.write("panic: fault (".getBytes(StandardCharsets.UTF_8));
        s.close();
        assertEquals("> ok\npants\npanic: fault (", out.toString(StandardCharsets.UTF_8), "a partial line at the end is written");
    }
}
