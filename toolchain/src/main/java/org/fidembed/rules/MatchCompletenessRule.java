// Matches: incomplete matches and bindings and rules never matched are warnings, a match too large
// to compile an error; found by the match compiler on the specialised types.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class MatchCompletenessRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) {
        switch (f.kind()) {
            case MATCH_TOO_LARGE -> diags.error(f.loc(), "this match is too large to compile; split it into several matches");
            case INCOMPLETE_MATCH -> diags.warning(f.loc(), known(f.at(0))
                    ? "incomplete match; for example '" + f.at(0) + "' is not covered"
                    : "incomplete match; some values are not covered by these rules");
            case INCOMPLETE_BINDING -> diags.warning(f.loc(), "incomplete pattern match in this binding"
                    + (known(f.at(0)) ? "; for example '" + f.at(0) + "' is not covered" : ""));
            case RULE_NEVER_MATCHED -> diags.warning(f.loc(), "this rule will never be matched");
            default -> throw new IllegalArgumentException("not a match finding: " + f.kind());
        }
    }

    /** Whether the example is a value (not "_" or none). */
    private static boolean known(String example) { return example != null && !example.equals("_"); }
}
