// Every language-rule diagnostic that lowering raises, in one place: escape, allocation, ranges,
// matches, hardware access. They belong in checkers over the typed tree; until they move there,
// lowering reports them only through this class.
package org.fidembed.lower;

import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;

final class LanguageDiagnostics {
    private final Diagnostics diags;
    private final TargetInfo target;

    LanguageDiagnostics(Diagnostics diags, TargetInfo target) {
        this.diags = diags;
        this.target = target;
    }

    /** An alias and the interrupt's own name (Tick and SysTick) both have a handler. */
    void twoHandlers(GlobalVal g, GlobalVal other, String vector) {
        diags.error(g.interruptLoc, "two handlers for the interrupt vector '" + vector + "' ('" + g.interruptVector + "' and '"
                + other.interruptVector + "' name the same one): the other one is '" + other.name + "' at " + other.loc);
    }

    /** Inline functions expand into each other more than 200 levels deep: stops lowering. */
    CompileAbort inlineTooDeep(Loc loc) {
        diags.error(loc, "inline expansion is nested too deeply (more than 200 levels)");
        return new CompileAbort();
    }

    /** A function returns a closure whose environment is in its own frame. */
    void closureEscapes(Loc loc) {
        diags.error(loc, "closure escapes the function that creates it: it refers to locals of this function; pass the state in and out as values, or make the function inline");
    }

    void zeroStep(Loc loc) { diags.error(loc, "the step of a range cannot be zero"); }

    void matchTooLarge(Loc loc) { diags.error(loc, "this match is too large to compile; split it into several matches"); }

    /** example: a value the rules do not cover ("_" or null when none is known). */
    void incompleteMatch(Loc loc, String example) {
        diags.warning(loc, example != null && !example.equals("_")
                ? "incomplete match; for example '" + example + "' is not covered"
                : "incomplete match; some values are not covered by these rules");
    }

    void incompleteBinding(Loc loc, String example) {
        diags.warning(loc, "incomplete pattern match in this binding" + (example != null && !example.equals("_") ? "; for example '" + example + "' is not covered" : ""));
    }

    /** A member constraint of an inline function, at the type it is expanded at. */
    void memberNotSupported(Loc loc, String type, String member) {
        diags.error(loc, "the type '" + type + "' does not support the operator '" + member + "'");
    }

    void primitiveOperatorConstraint(Loc loc, String member) {
        diags.error(loc, "an operator of a primitive type called through a member constraint ('" + member + "') is not supported yet; use the operator itself");
    }

    void ruleNeverMatched(Loc loc) { diags.warning(loc, "this rule will never be matched"); }

    void csrNameNotConstant(Loc loc) { diags.error(loc, "the CSR name must be a constant string such as \"mie\""); }

    void noCsrs(Loc loc) { diags.error(loc, "board '" + target.boardName() + "' has no RISC-V control and status registers"); }

    void hashUnsupported(Loc loc) { diags.error(loc, "'hash' is not supported by fid-embed"); }

    void misalignedMmio(Loc loc, long address, int width) {
        diags.error(loc, String.format("misaligned MMIO address 0x%X for a %d-byte access", address, width));
    }

    void noCycleCounter(Loc loc) { diags.error(loc, "board '" + target.boardName() + "' has no cycle counter"); }

    void dynamicAllocation(Loc loc) {
        diags.error(loc, "dynamic allocation is not allowed in the Constrained memory profile: the length of this array is not a compile-time constant");
    }

    void negativeLength(Loc loc, long n) { diags.error(loc, "the length of an array cannot be negative (" + n + ")"); }

    void arrayTooLarge(Loc loc, long n) { diags.error(loc, "this array of " + n + " elements is larger than any board's memory"); }

    /** Has no location: raised while generating a comparison helper. */
    void notComparable(Loc loc, String type) { diags.error(loc, "values of type '" + type + "' cannot be compared"); }
}
