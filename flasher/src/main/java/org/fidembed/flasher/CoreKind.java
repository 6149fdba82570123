// The CPU family of a target as far as the flasher cares: how to tell a sane boot image from garbage.
// Cortex-M boots from a vector table (SP, reset vector); RISC-V (GD32VF103) starts executing at the origin.
package org.fidembed.flasher;

public enum CoreKind {
    CORTEX_M,
    RISCV
}
