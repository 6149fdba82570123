// Constructs fid-embed does not support, found at the types an instance is specialised at: 'hash',
// member constraints a type does not meet or that name a primitive's operator, incomparable values.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;

final class UnsupportedConstructRule implements SpecialisedRule {
    @Override
    public void judge(Finding f, Diagnostics diags) {
        switch (f.kind()) {
            case HASH_UNSUPPORTED -> diags.error(f.loc(), "'hash' is not supported by fid-embed");
            case MEMBER_NOT_SUPPORTED -> diags.error(f.loc(), "the type '" + f.at(0) + "' does not support the operator '" + f.at(1) + "'");
            case PRIMITIVE_OPERATOR_CONSTRAINT -> diags.error(f.loc(), "an operator of a primitive type called through a member constraint ('"
                    + f.at(0) + "') is not supported yet; use the operator itself");
            case NOT_COMPARABLE -> diags.error(f.loc(), "values of type '" + f.at(0) + "' cannot be compared");
            default -> throw new IllegalArgumentException("not an unsupported-construct finding: " + f.kind());
        }
    }
}
