// Turns the firmware's fault line ("panic: fault (cause 0x...) at pc 0x...", a stack overflow or an
// unhandled interrupt) into a crash report at the source: the F# file, line and function of the pc,
// and the cause decoded by name (Cortex-M CFSR bits, RISC-V mcause), from the ELF that was run.
package org.fidembed.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class FaultReport {
    /** What fid-embed's prelude prints (Fid.Runtime.panicFault); lr, where a firmware adds it, is looked up too. */
    private static final Pattern LINE = Pattern.compile(
            "panic: (fault \\(cause 0x(?<cause>[0-9a-fA-F]+)\\)|stack overflow \\(sp 0x(?<sp>[0-9a-fA-F]+)\\)|unhandled interrupt 0x(?<irq>[0-9a-fA-F]+))"
                    + " at pc 0x(?<pc>[0-9a-fA-F]+)(?: lr 0x(?<lr>[0-9a-fA-F]+))?");

    private static final String[] CFSR_BITS = new String[32];
    static {
        String[][] bits = {
                {"0", "IACCVIOL: instruction fetch from a protected or non-executable address"},
                {"1", "DACCVIOL: data access to a protected address"},
                {"3", "MUNSTKERR: memory fault while unstacking on exception return"},
                {"4", "MSTKERR: memory fault while stacking for an exception"},
                {"5", "MLSPERR: memory fault while saving the floating-point state"},
                {"7", "MMARVALID: MMFAR holds the faulting address"},
                {"8", "IBUSERR: bus error on an instruction fetch"},
                {"9", "PRECISERR: bus error on a data access (precise)"},
                {"10", "IMPRECISERR: bus error on a data access (imprecise: the pc may be past the access)"},
                {"11", "UNSTKERR: bus error while unstacking on exception return"},
                {"12", "STKERR: bus error while stacking for an exception"},
                {"13", "LSPERR: bus error while saving the floating-point state"},
                {"15", "BFARVALID: BFAR holds the faulting address"},
                {"16", "UNDEFINSTR: undefined instruction"},
                {"17", "INVSTATE: invalid state (a jump to an even address: the Thumb bit was clear)"},
                {"18", "INVPC: invalid pc on exception return"},
                {"19", "NOCP: coprocessor (FPU) access while it is disabled or absent"},
                {"24", "UNALIGNED: unaligned access"},
                {"25", "DIVBYZERO: division by zero"}};
        for (String[] b : bits) CFSR_BITS[Integer.parseInt(b[0])] = b[1];
    }

    private static final String[] MCAUSE = {
            "instruction address misaligned", "instruction access fault", "illegal instruction", "breakpoint",
            "load address misaligned", "load access fault", "store/AMO address misaligned", "store/AMO access fault",
            "environment call from U-mode", "environment call from S-mode", "reserved", "environment call from M-mode",
            "instruction page fault", "load page fault", "reserved", "store/AMO page fault"};

    private static final String[] ARM_EXCEPTIONS = {
            "thread mode", "reset", "NMI", "HardFault", "MemManage", "BusFault", "UsageFault", "reserved", "reserved",
            "reserved", "reserved", "SVCall", "DebugMonitor", "reserved", "PendSV", "SysTick"};

    private final LineTable lines;
    private final List<ElfFile.Symbol> functions;
    private final boolean arm;

    public FaultReport(ElfFile elf) throws ImageFormatException {
        this.lines = LineTable.of(elf);
        this.functions = elf.functions();
        this.arm = elf.machine() == ElfFile.EM_ARM;
    }

    public static FaultReport of(Path elf) throws java.io.IOException, ImageFormatException {
        return new FaultReport(ElfFile.parse(elf.toString(), Files.readAllBytes(elf)));
    }

    /** Whether a line is the firmware's fault report. */
    public static boolean isFaultLine(String line) { return LINE.matcher(line).find(); }

    /** The report for a fault line (several lines of text, each ending in a newline), or empty for any other line. */
    public Optional<String> explain(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) return Optional.empty();
        long pc = Long.parseLong(m.group("pc"), 16);
        StringBuilder out = new StringBuilder();
        if (m.group("cause") != null) out.append("fault at ").append(where(pc, false)).append('\n').append(cause(Long.parseLong(m.group("cause"), 16)));
        else if (m.group("sp") != null) out.append("stack overflow (sp 0x").append(m.group("sp")).append(") ")
                .append(pc == 0 ? "(the pc is not known: the fault handler ran on the overflowed stack)" : "at " + where(pc, false)).append('\n');
        else out.append("unhandled interrupt: ").append(interrupt(Long.parseLong(m.group("irq"), 16))).append('\n');
        if (m.group("lr") != null) out.append("  called from ").append(where(Long.parseLong(m.group("lr"), 16), true)).append('\n');
        return Optional.of(out.toString());
    }

    /** FILE:LINE in FUNCTION (pc 0x...); a return address is looked up at the call before it. */
    public String where(long address, boolean returnAddress) {
        long a = arm ? address & ~1L : address;
        long probe = returnAddress && a > 0 ? a - 1 : a;
        Optional<LineTable.Place> p = lines.lookup(probe);
        Optional<String> fn = function(probe);
        String hex = String.format("0x%08x", address);
        if (p.isEmpty() && fn.isEmpty()) return "pc " + hex + " (outside the program's code)";
        return p.map(LineTable.Place::toString).orElse("(no line: " + (lines.isEmpty() ? "the ELF has no debug information" : "start-up code") + ")")
                + fn.map(f -> " in " + f).orElse("") + " (pc " + hex + ")";
    }

    private Optional<String> function(long a) {
        ElfFile.Symbol best = null;
        for (ElfFile.Symbol s : functions) {
            long start = arm ? s.address() & ~1L : s.address();
            if (start <= a && (best == null || start >= (arm ? best.address() & ~1L : best.address()))) best = s;
        }
        if (best == null) return Optional.empty();
        long start = arm ? best.address() & ~1L : best.address();
        return best.size() == 0 || a < start + best.size() ? Optional.of(best.name()) : Optional.empty();
    }

    /** The cause register by name: CFSR bits on Cortex-M, the mcause code on RISC-V. */
    private String cause(long v) {
        StringBuilder out = new StringBuilder();
        if (arm) {
            if (v == 0) return "  cause: CFSR 0 (ARMv6-M has no fault status registers, or the fault escalated: a HardFault)\n";
            for (int bit = 0; bit < 32; bit++) {
                if ((v >>> bit & 1) == 0) continue;
                String name = CFSR_BITS[bit];
                out.append("  cause: CFSR bit ").append(bit).append(' ').append(name == null ? "(reserved)" : name).append('\n');
            }
            return out.toString();
        }
        if ((v & 0x8000_0000L) != 0) return "  cause: mcause 0x" + Long.toHexString(v) + ", interrupt " + (v & 0x7FFF_FFFFL) + "\n";
        return "  cause: mcause " + v + ", " + (v < MCAUSE.length ? MCAUSE[(int) v] : "reserved") + "\n";
    }

    private String interrupt(long v) {
        if (arm) return "exception " + v + (v < ARM_EXCEPTIONS.length ? " (" + ARM_EXCEPTIONS[(int) v] + ")" : " (IRQ " + (v - 16) + ")") + " has no handler";
        long n = v & 0x7FFF_FFFFL;
        String kind = n == 3 ? "machine software interrupt" : n == 7 ? "machine timer interrupt" : n == 11 ? "machine external interrupt" : "interrupt " + n;
        return "mcause 0x" + Long.toHexString(v) + " (" + kind + ") has no handler";
    }

    /** The line table, for callers that look up more addresses. */
    public LineTable lines() { return lines; }

}
