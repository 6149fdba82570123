// Recursion bounds of inline functions: their expansion, which lowering does, must end; more than
// 200 nested expansions is taken for unbounded (lowering stops there).
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class InlineDepthRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) {
        diags.error(f.loc(), "inline expansion is nested too deeply (more than 200 levels)");
    }
}
