// Tests of the SVD reader: the shipped files read, and each SVD construct (derivedFrom, clusters, dim
// arrays and lists, bit ranges, enumerated values, access, modifiedWriteValues) on small documents.
package org.fidembed.board.svd;

import org.fidembed.board.svd.Svd.Access;
import org.fidembed.board.svd.Svd.Cluster;
import org.fidembed.board.svd.Svd.Device;
import org.fidembed.board.svd.Svd.Field;
import org.fidembed.board.svd.Svd.Node;
import org.fidembed.board.svd.Svd.Peripheral;
import org.fidembed.board.svd.Svd.Register;
import org.fidembed.board.svd.Svd.WriteEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvdReaderTest {

    static Device parse(String body) {
        String xml = "<?xml version=\"1.0\"?>\n<device><name>T</name><size>32</size><access>read-write</access><resetValue>0</resetValue>\n"
                + "<peripherals>\n" + body + "\n</peripherals></device>\n";
        return SvdReader.read("t.svd", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Register reg(Peripheral p, String name) {
        return (Register) p.registers().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no register " + name));
    }

    static Field field(Register r, String name) {
        return r.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no field " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STM32F103.svd", "STM32F405.svd", "FE310.svd", "GD32VF103.svd", "nRF51.svd", "LM3S6965.svd", "CMSDK_AN385.svd", "RISCV_VIRT.svd"})
    void everyShippedFileReads(String file) {
        Device d = SvdReader.readShipped(file);
        assertTrue(d.peripherals().size() >= 5, file + ": " + d.peripherals().size() + " peripherals");
        assertTrue(d.registerCount() >= 20, file + ": " + d.registerCount() + " registers");
        for (Peripheral p : d.peripherals()) for (Node n : p.registers()) checkWidths(file, p.name(), n);
    }

    private static void checkWidths(String file, String where, Node n) {
        if (n instanceof Cluster c) {
            for (Node m : c.children()) checkWidths(file, where + "." + c.name(), m);
            return;
        }
        Register r = (Register) n;
        for (Field f : r.fields())
            assertTrue(f.lsb() + f.width() <= r.size(), file + ": " + where + "." + r.name() + "." + f.name() + " overflows its register");
    }

    @Test
    void derivedPeripheralsCopyRegistersAtTheirOwnBase() {
        Device d = SvdReader.readShipped("LM3S6965.svd");
        Peripheral f = d.peripheral("GPIOF").orElseThrow();
        assertEquals(0x40025000L, f.baseAddress());
        assertEquals("GPIOA", f.derivedFrom().orElseThrow());
        assertEquals(0x400, reg(f, "DIR").offset());
        Register data = reg(f, "DATA");
        assertEquals(256, data.array().orElseThrow().count());
        assertEquals(4, data.array().orElseThrow().stride());
        assertEquals(30, f.interrupts().get(0).value());
        assertEquals(Access.READ_ONLY, reg(d.peripheral("UART0").orElseThrow(), "FR").access());
        Field wlen = field(reg(d.peripheral("UART1").orElseThrow(), "LCRH"), "WLEN");
        assertEquals(5, wlen.lsb());
        assertEquals(2, wlen.width());
        assertEquals(3, wlen.values().stream().filter(v -> v.name().equals("BITS8")).findFirst().orElseThrow().value());
    }

    @Test
    void clustersAndWriteOneToClear() {
        Device d = SvdReader.readShipped("CMSDK_AN385.svd");
        Cluster timers = (Cluster) d.peripheral("DUALTIMER").orElseThrow().registers().get(0);
        assertEquals("TIMER", timers.name());
        assertEquals(2, timers.array().orElseThrow().count());
        assertEquals(0x20, timers.array().orElseThrow().stride());
        assertEquals(7, timers.children().size());
        Field f = field(reg(d.peripheral("TIMER1").orElseThrow(), "INTSTATUS"), "INT");
        assertEquals(WriteEffect.ONE_TO_CLEAR, f.writeEffect());
    }

    @Test
    void listsBitRangesAndDerivedEnumerations() {
        Device d = parse("""
                <peripheral><name>P</name><baseAddress>0x40000000</baseAddress><registers>
                  <register><dim>3</dim><dimIncrement>4</dimIncrement><dimIndex>A,B,C</dimIndex><name>CH%s</name><addressOffset>0x10</addressOffset>
                    <fields>
                      <field><name>MODE</name><bitRange>[5:4]</bitRange>
                        <enumeratedValues><name>Mode</name><enumeratedValue><name>Off</name><value>0</value></enumeratedValue>
                          <enumeratedValue><name>On</name><value>#11</value></enumeratedValue>
                          <enumeratedValue><name>Any</name><isDefault>true</isDefault></enumeratedValue></enumeratedValues></field>
                      <field><name>ALT</name><lsb>8</lsb><msb>15</msb><access>read-only</access>
                        <enumeratedValues derivedFrom="Mode"/></field>
                    </fields></register>
                  <register derivedFrom="CHA"><name>COPY</name><addressOffset>0x40</addressOffset><size>16</size></register>
                </registers></peripheral>""");
        Peripheral p = d.peripherals().get(0);
        assertEquals(List.of("CHA", "CHB", "CHC", "COPY"), p.registers().stream().map(Node::name).toList());
        assertEquals(0x18, reg(p, "CHC").offset());
        Field mode = field(reg(p, "CHB"), "MODE");
        assertEquals(4, mode.lsb());
        assertEquals(2, mode.width());
        assertEquals(List.of("Off", "On"), mode.values().stream().map(Svd.EnumValue::name).toList());
        assertEquals(3, mode.values().get(1).value());
        Field alt = field(reg(p, "CHA"), "ALT");
        assertEquals(8, alt.width());
        assertEquals(Access.READ_ONLY, alt.access());
        assertEquals(2, alt.values().size());
        assertEquals(16, reg(p, "COPY").size());
        assertEquals(2, reg(p, "COPY").fields().size());
    }

    @Test
    void errorsPointIntoTheFile() {
        SvdException e = assertThrows(SvdException.class, () -> parse("""
                <peripheral><name>A</name><baseAddress>0</baseAddress></peripheral>
                <peripheral derivedFrom="NOPE"><name>B</name><baseAddress>0x10</baseAddress></peripheral>"""));
        assertEquals("t.svd:5:32: peripheral 'B' is derivedFrom 'NOPE', which is not a peripheral of this file", e.getMessage());
        SvdException bad = assertThrows(SvdException.class, () -> parse("<peripheral><name>A</name><baseAddress>zz</baseAddress></peripheral>"));
        assertEquals("t.svd:4:40: <baseAddress> must be a number, found 'zz'", bad.getMessage());
        Device wide = parse("""
                <peripheral><name>A</name><baseAddress>0</baseAddress><registers><register><name>R</name><addressOffset>0</addressOffset><size>8</size>
                <fields><field><name>F</name><bitOffset>4</bitOffset><bitWidth>8</bitWidth></field>
                <field><name>G</name><bitOffset>0</bitOffset><access>write</access></field></fields></register></registers></peripheral>""");
        assertEquals(List.of("t.svd:5:16: field 'F' (bits 11:4) does not fit a 8-bit register; left out",
                "t.svd:6:8: access 'write' is not SVD; read as write-only"), wide.warnings());
        assertEquals(List.of("G"), reg(wide.peripherals().get(0), "R").fields().stream().map(Field::name).toList());
        SvdException xml = assertThrows(SvdException.class, () -> parse("<peripheral>"));
        assertTrue(xml.getMessage().startsWith("t.svd:5:"), xml.getMessage());
    }
}
