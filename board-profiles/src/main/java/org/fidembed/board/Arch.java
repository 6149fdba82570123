// The instruction-set family of a target: decides the start-up code shape (vector table or reset stub),
// the exit mechanisms that make sense and the linker script's entry symbol.
package org.fidembed.board;

public enum Arch {
    CORTEX_M("cortex-m"),
    RISCV32("riscv32");

    private final String id;

    Arch(String id) { this.id = id; }

    /** The spelling used in profile files. */
    public String id() { return id; }
}
