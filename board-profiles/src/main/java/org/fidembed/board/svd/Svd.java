// The model of a CMSIS-SVD device description after reading: derivedFrom resolved, defaults (size,
// access, reset value) inherited, "%s" name lists expanded and enumerated values attached. Arrays
// written "NAME[%s]" stay arrays (one register, count and stride); clusters stay nested.
package org.fidembed.board.svd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class Svd {
    private Svd() { }

    /** How software may access a register or field. */
    public enum Access {
        READ_ONLY("read-only"), WRITE_ONLY("write-only"), READ_WRITE("read-write"), WRITE_ONCE("writeOnce"), READ_WRITE_ONCE("read-writeOnce");

        public final String svdName;

        Access(String svdName) { this.svdName = svdName; }

        public boolean readable() { return this != WRITE_ONLY && this != WRITE_ONCE; }

        public boolean writable() { return this != READ_ONLY; }
    }

    /** What writing a field does besides storing the value (SVD modifiedWriteValues); NONE is a plain store. */
    public enum WriteEffect { NONE, ONE_TO_CLEAR, ONE_TO_SET, ONE_TO_TOGGLE, ZERO_TO_CLEAR, ZERO_TO_SET, ZERO_TO_TOGGLE, CLEAR, SET, MODIFY }

    /**
     * @param warnings defects of the file the reader worked around, each "FILE:LINE:COL: what"
     */
    public record Device(String name, String description, List<Peripheral> peripherals, List<String> warnings) {
        public Device {
            Objects.requireNonNull(name, "name");
            peripherals = List.copyOf(peripherals);
            warnings = List.copyOf(warnings);
        }

        /** Every interrupt of every peripheral, in the order they appear. */
        public List<Interrupt> interrupts() {
            return peripherals.stream().flatMap(p -> p.interrupts().stream()).toList();
        }

        public Optional<Peripheral> peripheral(String name) {
            return peripherals.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        /** Registers of all peripherals, arrays and cluster members counted once each. */
        public int registerCount() { return peripherals.stream().mapToInt(p -> count(p.registers())).sum(); }

        private static int count(List<Node> nodes) {
            int n = 0;
            for (Node node : nodes) n += node instanceof Cluster c ? count(c.children()) : 1;
            return n;
        }
    }

    /**
     * @param derivedFrom the peripheral whose registers this one copies, if any (its registers are here already)
     */
    public record Peripheral(String name, String description, String group, long baseAddress, List<Node> registers,
                             List<Interrupt> interrupts, Optional<String> derivedFrom) {
        public Peripheral {
            registers = List.copyOf(registers);
            interrupts = List.copyOf(interrupts);
        }
    }

    /** A register or a cluster of them. */
    public sealed interface Node permits Register, Cluster {
        String name();
        long offset();
    }

    /**
     * @param offset byte offset from the enclosing peripheral or cluster
     * @param size   width in bits: 8, 16 or 32
     * @param array  for "NAME[%s]": the element count and byte stride
     */
    public record Register(String name, String description, long offset, int size, Access access, long resetValue,
                           List<Field> fields, Optional<Array> array) implements Node {
        public Register {
            fields = List.copyOf(fields);
        }
    }

    /** A group of registers at an offset, possibly repeated ("NAME[%s]", array present). */
    public record Cluster(String name, String description, long offset, List<Node> children, Optional<Array> array) implements Node {
        public Cluster {
            children = List.copyOf(children);
        }
    }

    public record Array(int count, long stride) { }

    public record Field(String name, String description, int lsb, int width, Access access, WriteEffect writeEffect,
                        List<EnumValue> values) {
        public Field {
            values = List.copyOf(values);
        }

        /** The field's bits in its register. */
        public long mask() { return (width == 64 ? -1L : ((1L << width) - 1)) << lsb; }
    }

    public record EnumValue(String name, String description, long value) { }

    public record Interrupt(String name, String description, int value) { }
}
