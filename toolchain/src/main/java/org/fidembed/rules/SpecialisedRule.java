// The rules judged after specialisation: each takes the findings of its kinds that lowering
// recorded and reports the diagnostics. SpecialisedRules says which rule judges which kind.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

interface SpecialisedRule {
    /** Reports what the finding breaks (f is of a kind this rule judges). */
    void judge(Finding f, Diagnostics diags);
}
