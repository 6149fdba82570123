// The counter Cpu.cycles reads: the DWT cycle counter on ARMv7-M, the mcycle CSR on RISC-V, none on ARMv6-M
// (where Cpu.cycles is a compile error: "board 'B' has no cycle counter").
package org.fidembed.board;

public enum CycleCounter {
    NONE("none"), DWT("dwt"), MCYCLE("mcycle");

    private final String id;

    CycleCounter(String id) { this.id = id; }

    public String id() { return id; }
}
