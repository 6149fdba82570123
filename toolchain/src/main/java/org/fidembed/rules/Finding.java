// A fact lowering records where a language rule can only be judged after specialisation (an
// instance's types and constants are known only there): its kind, where it is, and its data.
// SpecialisedRules turns the findings into diagnostics; lowering itself raises none.
package org.fidembed.rules;

import org.fidembed.diag.Loc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** data: the kind's values as text, in the order its rule reads them (an entry may be null). */
public record Finding(Kind kind, Loc loc, List<String> data) {
    public enum Kind {
        /** two handlers name one vector: vector, this handler's name for it, the other's, the other handler, its location */
        TWO_HANDLERS,
        /** inline functions expand into each other more than 200 levels deep (lowering stops) */
        INLINE_TOO_DEEP,
        /** a function returns a closure whose environment is in its own frame */
        CLOSURE_ESCAPES,
        /** Array.zeroCreate of a length that is not a constant */
        DYNAMIC_ALLOCATION,
        /** a constant negative array length: the length */
        NEGATIVE_LENGTH,
        /** a constant array length over any board's memory: the length */
        ARRAY_TOO_LARGE,
        /** a for loop whose constant step is zero */
        ZERO_STEP,
        /** a match whose decision tree is too large */
        MATCH_TOO_LARGE,
        /** a match that can fail: an example not covered ("_" or null when none is known) */
        INCOMPLETE_MATCH,
        /** a let pattern that can fail: an example not covered ("_" or null) */
        INCOMPLETE_BINDING,
        /** a rule no value reaches */
        RULE_NEVER_MATCHED,
        /** a constant MMIO address not aligned to its width: the address, the width in bytes */
        MISALIGNED_MMIO,
        /** the cycle counter read on a board without one */
        NO_CYCLE_COUNTER,
        /** a CSR access whose name is not a constant string */
        CSR_NAME_NOT_CONSTANT,
        /** a CSR access on a board without CSRs */
        NO_CSRS,
        /** 'hash' */
        HASH_UNSUPPORTED,
        /** a member constraint the type at the expansion does not meet: the type, the member */
        MEMBER_NOT_SUPPORTED,
        /** an operator of a primitive type called through a member constraint: the member */
        PRIMITIVE_OPERATOR_CONSTRAINT,
        /** comparison or equality of a type without either: the type */
        NOT_COMPARABLE
    }

    public Finding {
        data = Collections.unmodifiableList(new ArrayList<>(data));
    }

    /** A finding whose data are the values' texts (null stays null). */
    public static Finding of(Kind kind, Loc loc, Object... data) {
        List<String> text = new ArrayList<>();
        for (Object o : data) text.add(o == null ? null : String.valueOf(o));
        return new Finding(kind, loc, text);
    }

    /** The i-th value. */
    public String at(int i) { return data.get(i); }

    /** The i-th value, a whole number. */
    public long number(int i) { return Long.parseLong(data.get(i)); }

    /** Whether the kind is an error (otherwise a warning). */
    public boolean isError() {
        return switch (kind) {
            case INCOMPLETE_MATCH, INCOMPLETE_BINDING, RULE_NEVER_MATCHED -> false;
            default -> true;
        };
    }
}
