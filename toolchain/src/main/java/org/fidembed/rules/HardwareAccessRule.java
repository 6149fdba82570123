// Hardware access: MMIO addresses aligned to the access, the cycle counter and the RISC-V CSRs only
// on boards that have them, CSRs named by constant strings.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class HardwareAccessRule implements SpecialisedRule {
    private final String boardName;

    HardwareAccessRule(String boardName) { this.boardName = boardName; }

    @Override
    public void judge(Finding f, Diagnostics diags) {
        switch (f.kind()) {
            case MISALIGNED_MMIO -> diags.error(f.loc(), String.format("misaligned MMIO address 0x%X for a %d-byte access", f.number(0), f.number(1)));
            case NO_CYCLE_COUNTER -> diags.error(f.loc(), "board '" + boardName + "' has no cycle counter");
            case CSR_NAME_NOT_CONSTANT -> diags.error(f.loc(), "the CSR name must be a constant string such as \"mie\"");
            case NO_CSRS -> diags.error(f.loc(), "board '" + boardName + "' has no RISC-V control and status registers");
            default -> throw new IllegalArgumentException("not a hardware finding: " + f.kind());
        }
    }
}
