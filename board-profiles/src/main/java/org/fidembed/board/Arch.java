// The instruction-set family of a target: decides the start-up code shape (vector table or reset stub),
// the exit mechanisms that make sense, the linker script's entry symbol, what a sane boot image looks
// like to the flasher, and the ELF machine an image for it must carry.
package org.fidembed.board;

public enum Arch {
    CORTEX_M("cortex-m", 40, "ARM"),
    RISCV32("riscv32", 243, "RISC-V");

    private final String id;
    private final int elfMachine;
    private final String elfName;

    Arch(String id, int elfMachine, String elfName) {
        this.id = id;
        this.elfMachine = elfMachine;
        this.elfName = elfName;
    }

    /** The spelling used in profile files. */
    public String id() { return id; }

    /** e_machine of an ELF image for this architecture (EM_ARM, EM_RISCV); both are 32-bit (ELFCLASS32). */
    public int elfMachine() { return elfMachine; }

    /** How the ELF machine is named in messages ("ARM", "RISC-V"). */
    public String elfName() { return elfName; }
}
