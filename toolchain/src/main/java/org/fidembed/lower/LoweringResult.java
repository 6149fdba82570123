// What lowering a program produces, as one immutable value: the IR of the module body and the
// facts the start-up code, the stack bound and the memory report read from it.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.rules.Finding;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * @param ir                the module body (functions and globals; the start-up code is added to it)
 * @param interruptHandlers interrupt vector name to the IR function that handles it, in program order
 * @param functionLocs      source location of each generated function, by ELF symbol
 * @param dataLocs          source location of each static object (module-level values, objects made at start-up, strings)
 * @param usesRamfunc       a function is placed in RAM ([&lt;Section(".ramfunc")&gt;]): the linker script copies it there
 * @param usesCycles        the program reads the cycle counter (the reset handler enables it)
 * @param panicFault        the IR name of Fid.Runtime.panicFault, which the fault handlers call
 * @param stackReport       the IR name of Fid.Runtime.reportStackHighWater when the stack is measured
 * @param uartFlush         the UART driver has a flush (Fid.Uart.flush): the exit calls fid.uart.flush first
 * @param usesTimer         the program starts the periodic timer (Cortex-M: SysTick may fire without a handler)
 * @param findings          what the language rules judge after specialisation (rules.SpecialisedRules), in the order found
 */
public record LoweringResult(String ir, Map<String, String> interruptHandlers, Map<String, Loc> functionLocs, Map<String, Loc> dataLocs,
                             boolean usesRamfunc, boolean usesCycles, String panicFault, Optional<String> stackReport,
                             boolean uartFlush, boolean usesTimer, List<Finding> findings) {
    public LoweringResult {
        interruptHandlers = Collections.unmodifiableMap(new LinkedHashMap<>(interruptHandlers));
        functionLocs = Collections.unmodifiableMap(new HashMap<>(functionLocs));
        dataLocs = Collections.unmodifiableMap(new HashMap<>(dataLocs));
        findings = List.copyOf(findings);
    }
}
