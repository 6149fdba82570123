// The rules judged on lowering's findings: every kind has a rule, each finding gives exactly one
// diagnostic at the finding's location with its severity, and the texts name the finding's data.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostic;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.diag.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpecialisedRulesTest {
    private static final Loc AT = new Loc(SourceFile.named("m.fs"), 1, 5);

    private static Finding sample(Finding.Kind k) {
        return switch (k) {
            case TWO_HANDLERS -> Finding.of(k, AT, "SysTick", "Tick", "SysTick", "a", "m.fs:3:3");
            case NEGATIVE_LENGTH, ARRAY_TOO_LARGE -> Finding.of(k, AT, -3L);
            case MISALIGNED_MMIO -> Finding.of(k, AT, 0x40000002L, 4);
            case INCOMPLETE_MATCH, INCOMPLETE_BINDING -> Finding.of(k, AT, (Object) null);
            case MEMBER_NOT_SUPPORTED -> Finding.of(k, AT, "Point", "op_Addition");
            case PRIMITIVE_OPERATOR_CONSTRAINT, NOT_COMPARABLE -> Finding.of(k, AT, "int -> int");
            default -> Finding.of(k, AT);
        };
    }

    @Test
    void everyKindGivesOneDiagnosticAtItsLocation() {
        for (Finding.Kind k : Finding.Kind.values()) {
            Diagnostics d = new Diagnostics();
            Finding f = sample(k);
            SpecialisedRules.judge(List.of(f), "lm3s6965evb", d);
            assertEquals(1, d.all().size(), k.name());
            Diagnostic diag = d.all().get(0);
            assertEquals(AT, diag.loc(), k.name());
            assertEquals(f.isError(), diag.isError(), k.name());
            assertFalse(diag.message().isBlank(), k.name());
        }
    }

    @Test
    void textsCarryTheFindingsData() {
        Diagnostics d = new Diagnostics();
        SpecialisedRules.judge(List.of(sample(Finding.Kind.MISALIGNED_MMIO), sample(Finding.Kind.TWO_HANDLERS),
                Finding.of(Finding.Kind.INCOMPLETE_MATCH, AT, "Some 0"), sample(Finding.Kind.NO_CSRS)), "lm3s6965evb", d);
        List<String> texts = d.all().stream().map(Diagnostic::message).toList();
        assertEquals(List.of("misaligned MMIO address 0x40000002 for a 4-byte access",
                "two handlers for the interrupt vector 'SysTick' ('Tick' and 'SysTick' name the same one): the other one is 'a' at m.fs:3:3",
                "incomplete match; for example 'Some 0' is not covered",
                "board 'lm3s6965evb' has no RISC-V control and status registers"), texts);
    }
}
