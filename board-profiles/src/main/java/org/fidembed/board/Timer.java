// The periodic timer a program can use: SysTick on Cortex-M (its clock with CLKSOURCE=1 is the CPU clock,
// with CLKSOURCE=0 the reference clock), or a CLINT-style mtime/mtimecmp pair on RISC-V.
package org.fidembed.board;

public sealed interface Timer {

    /** Counts per second of the clock a program programs the timer in. */
    long hz();

    /** SysTick (registers at 0xE000E010); reload for a period p seconds is cpuHz * p - 1. */
    record SysTick(long cpuHz, long refHz) implements Timer {
        public SysTick {
            if (cpuHz <= 0 || refHz < 0) throw new IllegalArgumentException("the SysTick CPU clock must be positive and its reference clock (0: none) not negative");
        }

        @Override public long hz() { return cpuHz; }
    }

    /**
     * 64-bit mtime and mtimecmp (hart 0) at the given addresses, counting at hz; interrupt mcause 0x80000007.
     * setup: register writes Fid.Timer.start makes first (a timer that must be switched on, as OpenTitan's rv_timer).
     */
    record Clint(long mtime, long mtimecmp, long hz, java.util.List<Uart.RegisterWrite> setup) implements Timer {
        public Clint {
            if (hz <= 0) throw new IllegalArgumentException("CLINT frequency must be positive");
            setup = java.util.List.copyOf(setup);
        }

        public Clint(long mtime, long mtimecmp, long hz) { this(mtime, mtimecmp, hz, java.util.List.of()); }
    }
}
