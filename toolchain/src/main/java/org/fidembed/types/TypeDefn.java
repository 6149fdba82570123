// A user or predefined type definition: a record (fields), a union (cases with fields) or an enum
// (named integer constants), possibly generic, with the attributes that change its meaning.
package org.fidembed.types;

import org.fidembed.diag.Loc;

import java.util.ArrayList;
import java.util.List;

public final class TypeDefn {
    /** BYREF: byref, inref and outref (a pointer); SPAN: Span and ReadOnlySpan (a pointer and a length). */
    public enum Kind { RECORD, UNION, ENUM, MEASURE, BYREF, SPAN }

    public record Field(String name, Type type, boolean mutable, Loc loc) { }
    public record Case(String name, List<Field> fields, Loc loc, int index) {
        public boolean hasNamedField(String n) { return fields.stream().anyMatch(f -> f.name().equals(n)); }
    }
    public record EnumValue(String name, Object value, Loc loc) { }
    /**
     * A member, compiled as a module-level function: an instance member takes the value first; a
     * property without parameters is called with only that (a static one with unit); an operator is
     * named as F# names it (op_Addition). setter: a property's set accessor, or null.
     */
    public record Member(String name, boolean isStatic, boolean property, Symbols.GlobalVal fn, Symbols.GlobalVal setter, Loc loc) { }

    public final Kind kind;
    public final String name;
    public final String qualifiedName;
    public final List<String> typeParams;
    public final Loc loc;
    public boolean struct;
    public boolean requireQualifiedAccess;
    public boolean flags;
    public boolean noEquality, noComparison;
    public List<Field> fields = new ArrayList<>();
    public List<Case> cases = new ArrayList<>();
    public List<EnumValue> enumValues = new ArrayList<>();
    /** Members by name (an operator by its .NET name: op_Addition). */
    public final java.util.Map<String, Member> members = new java.util.LinkedHashMap<>();
    /** A unit of measure's definition when it abbreviates others ([<Measure>] type Hz = 1/s), else null. */
    public Type measureAbbrev;
    /** The underlying primitive type of an enum. */
    public Type enumUnderlying;
    /** Predefined types print in F#'s postfix style: int option. */
    private final boolean postfix;
    private final String display;

    public TypeDefn(Kind kind, String name, String qualifiedName, List<String> typeParams, Loc loc) {
        this(kind, name, qualifiedName, typeParams, loc, false, name);
    }

    public TypeDefn(Kind kind, String name, String qualifiedName, List<String> typeParams, Loc loc, boolean postfix, String display) {
        this.kind = kind;
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.typeParams = typeParams;
        this.loc = loc;
        this.postfix = postfix;
        this.display = display;
    }

    public String displayName() { return display; }
    public boolean postfixDisplay() { return postfix; }

    /** A non-struct record with a mutable field has reference semantics (F#). */
    public boolean isReference() {
        return kind == Kind.RECORD && !struct && fields.stream().anyMatch(Field::mutable);
    }

    /** byref, inref, outref, Span and ReadOnlySpan: values that may live only on the stack (language.md §15). */
    public boolean isStackOnly() { return kind == Kind.BYREF || kind == Kind.SPAN; }

    public int fieldIndex(String n) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(n)) return i;
        return -1;
    }

    public Case caseNamed(String n) {
        for (Case c : cases) if (c.name().equals(n)) return c;
        return null;
    }

    @Override public String toString() { return qualifiedName; }
}
