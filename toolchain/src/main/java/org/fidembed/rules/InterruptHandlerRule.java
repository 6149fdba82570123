// Interrupt handlers: one handler a vector, also when an alias and the interrupt's own name (Tick
// and SysTick) are used. Judged on lowering's finding, which knows the board's aliases.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class InterruptHandlerRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) {
        diags.error(f.loc(), "two handlers for the interrupt vector '" + f.at(0) + "' ('" + f.at(1) + "' and '"
                + f.at(2) + "' name the same one): the other one is '" + f.at(3) + "' at " + f.at(4));
    }
}
