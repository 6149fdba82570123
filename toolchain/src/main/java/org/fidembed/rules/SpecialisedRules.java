// Judges the findings lowering recorded (rules that need an instance's types or constants), in the
// order they were found, each by the rule of its kind: one class a rule, as the typed-tree checkers.
// Lowering raises no diagnostics itself; the driver runs this on its result.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

import java.util.List;

public final class SpecialisedRules {
    private final SpecialisedRule interrupts = new InterruptHandlerRule();
    private final SpecialisedRule inlineDepth = new InlineDepthRule();
    private final SpecialisedRule escape = (f, d) -> EscapeRule.returnedStackClosure(f.loc(), d);
    private final SpecialisedRule allocation = new StaticAllocationRule();
    private final SpecialisedRule ranges = new RangeStepRule();
    private final SpecialisedRule matches = new MatchCompletenessRule();
    private final SpecialisedRule hardware;
    private final SpecialisedRule unsupported = new UnsupportedConstructRule();

    /** boardName: what the hardware rules name in their messages. */
    private SpecialisedRules(String boardName) { this.hardware = new HardwareAccessRule(boardName); }

    /** Reports the diagnostics of the findings (in order) to diags. */
    public static void judge(List<Finding> findings, String boardName, Diagnostics diags) {
        SpecialisedRules rules = new SpecialisedRules(boardName);
        for (Finding f : findings) rules.ruleOf(f.kind()).judge(f, diags);
    }

    private SpecialisedRule ruleOf(Finding.Kind kind) {
        return switch (kind) {
            case TWO_HANDLERS -> interrupts;
            case INLINE_TOO_DEEP -> inlineDepth;
            case CLOSURE_ESCAPES -> escape;
            case DYNAMIC_ALLOCATION, NEGATIVE_LENGTH, ARRAY_TOO_LARGE -> allocation;
            case ZERO_STEP -> ranges;
            case MATCH_TOO_LARGE, INCOMPLETE_MATCH, INCOMPLETE_BINDING, RULE_NEVER_MATCHED -> matches;
            case MISALIGNED_MMIO, NO_CYCLE_COUNTER, CSR_NAME_NOT_CONSTANT, NO_CSRS -> hardware;
            case HASH_UNSUPPORTED, MEMBER_NOT_SUPPORTED, PRIMITIVE_OPERATOR_CONSTRAINT, NOT_COMPARABLE -> unsupported;
        };
    }
}
