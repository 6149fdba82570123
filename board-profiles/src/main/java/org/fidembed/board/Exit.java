// How a firmware reports its exit code: ARM or RISC-V semihosting, QEMU virt's sifive_test finisher, or,
// on a real board with no host to report to, HALT (disable interrupts and wait for interrupt forever).
package org.fidembed.board;

import java.util.Objects;
import java.util.OptionalLong;

public record Exit(Kind kind, OptionalLong address) {

    public enum Kind {
        /** r0 = 0x20 (SYS_EXIT_EXTENDED), r1 = &{0x20026, code}, bkpt 0xab. */
        ARM_SEMIHOSTING("arm-semihosting"),
        /** a0 = 0x20, a1 = &{0x20026, code}, slli x0,x0,0x1f; ebreak; srai x0,x0,7 under .option norvc, 16-aligned. */
        RISCV_SEMIHOSTING("riscv-semihosting"),
        /** 32-bit store at address(): 0x5555 exits 0, (code << 16) | 0x3333 exits code. */
        SIFIVE_TEST("sifive-test"),
        /** Real hardware: no exit code can be reported; stop with interrupts off. */
        HALT("halt");

        private final String id;

        Kind(String id) { this.id = id; }

        public String id() { return id; }
    }

    public Exit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        if ((kind == Kind.SIFIVE_TEST) != address.isPresent())
            throw new IllegalArgumentException("exit " + kind.id() + (address.isPresent() ? " takes no address" : " needs an address"));
    }
}
