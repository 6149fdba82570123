// Ranges: the step of a for loop over a range cannot be zero (a constant known once the loop's
// instance is specialised).
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class RangeStepRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) { diags.error(f.loc(), "the step of a range cannot be zero"); }
}
