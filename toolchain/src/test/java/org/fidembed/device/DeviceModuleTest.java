// Tests of the Fid.Device generator on a small SVD: what each access kind gets (read-only registers no
// write, write-only no read, write-1-to-clear fields clear instead of set), the widths of registers and
// fields, enumerated values, arrays, clusters, names that are F# keywords, pins; and the shipped chips' counts.
package org.fidembed.device;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.board.svd.Svd;
import org.fidembed.board.svd.SvdReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceModuleTest {
    static final String SVD = """
            <?xml version="1.0"?>
            <device><name>T</name><size>32</size><access>read-write</access><resetValue>0</resetValue><peripherals>
            <peripheral><name>UART</name><baseAddress>0x40001000</baseAddress>
              <interrupt><name>UART</name><value>5</value></interrupt><registers>
              <register><name>SR</name><addressOffset>0</addressOffset><access>read-only</access><resetValue>0xC0</resetValue>
                <fields><field><name>TXE</name><bitOffset>7</bitOffset><bitWidth>1</bitWidth></field></fields></register>
              <register><name>DR</name><addressOffset>4</addressOffset><size>8</size><access>write-only</access>
                <fields><field><name>DATA</name><bitOffset>0</bitOffset><bitWidth>8</bitWidth></field></fields></register>
              <register><name>CR</name><addressOffset>8</addressOffset><size>16</size>
                <fields><field><name>type</name><bitOffset>4</bitOffset><bitWidth>2</bitWidth>
                  <enumeratedValues><enumeratedValue><name>Odd</name><value>1</value></enumeratedValue>
                    <enumeratedValue><name>Even</name><value>2</value></enumeratedValue></enumeratedValues></field>
                  <field><name>DIV</name><bitOffset>6</bitOffset><bitWidth>10</bitWidth></field></fields></register>
              <register><name>ISR</name><addressOffset>0xC</addressOffset>
                <fields><field><name>RX</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth><modifiedWriteValues>oneToClear</modifiedWriteValues></field>
                  <field><name>TX</name><bitOffset>1</bitOffset><bitWidth>1</bitWidth><modifiedWriteValues>oneToClear</modifiedWriteValues></field>
                  <field><name>EN</name><bitOffset>8</bitOffset><bitWidth>1</bitWidth></field></fields></register>
              <register><dim>4</dim><dimIncrement>4</dimIncrement><name>BUF[%s]</name><addressOffset>0x20</addressOffset></register>
              <register><name>ODD</name><addressOffset>0x31</addressOffset></register>
              <cluster><dim>2</dim><dimIncrement>0x10</dimIncrement><name>CH[%s]</name><addressOffset>0x40</addressOffset>
                <register><name>CTRL</name><addressOffset>4</addressOffset></register></cluster>
            </registers></peripheral></peripherals></device>
            """;

    static DeviceModule.Result generate(Map<String, String> pins) {
        Svd.Device d = SvdReader.read("t.svd", new ByteArrayInputStream(SVD.getBytes(StandardCharsets.UTF_8)));
        return DeviceModule.generate("b", "t.svd", d, pins, p -> true);
    }

    /** The lines of the module NAME (a dotted path below Fid.Device), up to the next line as little indented. */
    static String module(String src, String path) {
        String[] lines = src.split("\n");
        int depth = 0;
        int start = 0;
        for (String part : path.split("\\.")) {
            String head = "    ".repeat(depth) + "module " + part + " =";
            int i = start;
            while (i < lines.length && !lines[i].equals(head)) i++;
            if (i == lines.length) throw new AssertionError("no module " + path + " in:\n" + src);
            start = i + 1;
            depth++;
        }
        StringBuilder sb = new StringBuilder();
        String indent = "    ".repeat(depth);
        for (int i = start; i < lines.length && (lines[i].isEmpty() || lines[i].startsWith(indent)); i++) sb.append(lines[i].substring(Math.min(lines[i].length(), indent.length()))).append('\n');
        return sb.toString();
    }

    @Test
    void accessDecidesTheFunctions() {
        String src = generate(Map.of()).source();
        String sr = module(src, "UART.SR");
        assertTrue(sr.contains("let inline read () : uint32 = Mmio.read32 0x40001000un"), sr);
        assertFalse(sr.contains("write"), "a read-only register has no write:\n" + sr);
        assertFalse(sr.contains("modify"), sr);
        assertTrue(sr.contains("let Reset = 0x000000C0u"), sr);
        String txe = module(src, "UART.SR.TXE");
        assertTrue(txe.contains("let inline get () : byte = extract (read ())"), txe);
        assertFalse(txe.contains("let inline set") || txe.contains("insert"), "a read-only field has no set:\n" + txe);
        String dr = module(src, "UART.DR");
        assertTrue(dr.contains("let inline write (value: byte) : unit = Mmio.write8 0x40001004un value"), dr);
        assertFalse(dr.contains("read"), "a write-only register has no read:\n" + dr);
        assertTrue(module(src, "UART.DR.DATA").contains("let inline insert (v: byte) (r: byte) : byte"), dr);
        String isr = module(src, "UART.ISR.RX");
        assertTrue(isr.contains("let inline clear () : unit = write ((read () &&& 0xFFFFFFFCu) ||| Mask)"), isr);
        assertFalse(isr.contains("let inline set"), "a write-1-to-clear field is cleared, not set:\n" + isr);
        assertTrue(module(src, "UART.ISR.EN").contains("let inline set (v: byte) : unit = modify (insert v)"));
    }

    @Test
    void widthsValuesArraysClustersAndNames() {
        DeviceModule.Result r = generate(Map.of("Led", "UART.3"));
        String src = r.source();
        String type = module(src, "UART.CR.``type``");
        assertTrue(type.contains("let inline extract (r: uint16) : byte = byte ((r >>> 4) &&& 0x0003us)"), type);
        assertTrue(type.contains("let Odd = 0x01uy") && type.contains("let Even = 0x02uy"), type);
        assertTrue(module(src, "UART.CR.DIV").contains("let inline get () : uint16 = extract (read ())"));
        String buf = module(src, "UART.BUF");
        assertTrue(buf.contains("let Count = 4") && buf.contains("let inline read (i: int) : uint32 = Mmio.read32 (address i)"), buf);
        assertTrue(buf.contains("if uint32 i >= 4u then invalidArg"), buf);
        assertTrue(src.contains("// ODD at 0x40001031un: a 32-bit register at a misaligned address has no Mmio access; left out"), src);
        assertTrue(module(src, "UART.CH1.CTRL").contains("Mmio.read32 0x40001054un"), src);
        assertTrue(module(src, "Irq").contains("let UART = 5"));
        assertTrue(module(src, "Board").contains("let Led = 0x40001003un"));
        assertEquals(new DeviceModule.Stats(1, 7, 7, 2, 1, r.stats().lines()), r.stats());
        assertThrows(IllegalArgumentException.class, () -> generate(Map.of("Led", "GPIOZ.1")));
    }

    /** [drivers.names]: a register and field under a driver's name too, in their peripheral or in a module of that name. */
    @Test
    void driverNamesAreTheSameRegistersUnderSecondNames() {
        Svd.Device d = SvdReader.read("t.svd", new ByteArrayInputStream(SVD.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("UART.STATUS", "UART.SR");
        names.put("UART.STATUS.EMPTY", "UART.SR.TXE");
        names.put("SERIAL.CTRL", "UART.CR");
        names.put("SERIAL.CTRL.DIVIDER", "UART.CR.DIV");
        DeviceModule.Result plain = generate(Map.of());
        DeviceModule.Result r = DeviceModule.generate("b", "t.svd", d, Map.of(), names, p -> true);
        String src = r.source();
        assertEquals(module(src, "UART.SR.TXE"), module(src, "UART.STATUS.EMPTY").replace(", TXE under the HAL drivers' name", ""));
        assertTrue(module(src, "UART.STATUS").contains("let inline read () : uint32 = Mmio.read32 0x40001000un"), src);
        String serial = module(src, "SERIAL");
        assertTrue(serial.contains("let Base = 0x40001000un") && serial.contains("Mmio.read16 0x40001008un"), serial);
        assertTrue(module(src, "SERIAL.CTRL.DIVIDER").contains("let inline get () : uint16 = extract (read ())"), serial);
        assertFalse(serial.contains("module SR ="), "only the registers named: " + serial);
        assertFalse(module(src, "SERIAL.CTRL").contains("module DIV ="), "a register under a driver's name has only the fields named for it");
        assertTrue(module(src, "UART.CR").contains("module DIV ="), "under its own name it keeps its fields");
        assertEquals(plain.stats().registers(), r.stats().registers(), "a second name is not another register");
        assertEquals(plain.stats().fields(), r.stats().fields());
        assertFalse(DeviceModule.generate("b", "t.svd", d, Map.of(), names, p -> !p.equals("SERIAL")).source().contains("module SERIAL ="));
        for (Map<String, String> bad : List.of(Map.of("UART.X", "UART.NONE"), Map.of("UART.CR", "UART.SR"), Map.of("UART.SR.EMPTY", "UART.CR.DIV"),
                Map.of("UART.SR.TXE", "UART.SR.TXE"), Map.of("UART.SR", "NONE.SR")))
            assertThrows(IllegalArgumentException.class, () -> DeviceModule.generate("b", "t.svd", d, Map.of(), bad, p -> true), bad.toString());
    }

    @Test
    void onlyThePeripheralsAProgramNames() {
        Target t = Profiles.load("lm3s6965evb");
        String some = Devices.source(t, java.util.Set.of("Device", "GPIOF", "UART0")).orElseThrow();
        assertTrue(some.contains("\nmodule GPIOF =") && some.contains("\nmodule UART0 =") && some.contains("\nmodule Board ="));
        assertFalse(some.contains("\nmodule GPIOA ="), "GPIOA is not named");
        assertTrue(Devices.source(t, java.util.Set.of("GPIOF")).isEmpty(), "no Fid.Device without 'Device'");
    }

    @Test
    void everyChipWithAnSvdGetsItsPeripherals() {
        for (String board : Profiles.list()) {
            Target t = Profiles.load(board);
            if (t.svd().isEmpty()) continue;
            DeviceModule.Stats s = Devices.module(t).orElseThrow().stats();
            assertTrue(s.peripherals() >= 5 && s.registers() >= 20 && s.fields() >= 30, board + ": " + s);
        }
    }
}
