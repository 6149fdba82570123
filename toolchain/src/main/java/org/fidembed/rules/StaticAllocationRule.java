// Static allocation (the Constrained memory profile): every array's length is a compile-time
// constant, not negative and within any board's memory; judged on the specialised lengths.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class StaticAllocationRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) {
        switch (f.kind()) {
            case DYNAMIC_ALLOCATION -> diags.error(f.loc(), "dynamic allocation is not allowed in the Constrained memory profile: the length of this array is not a compile-time constant");
            case NEGATIVE_LENGTH -> diags.error(f.loc(), "the length of an array cannot be negative (" + f.number(0) + ")");
            case ARRAY_TOO_LARGE -> diags.error(f.loc(), "this array of " + f.number(0) + " elements is larger than any board's memory");
            default -> throw new IllegalArgumentException("not an allocation finding: " + f.kind());
        }
    }
}
