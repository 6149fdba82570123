// What names resolve to: local variables, module-level values and functions, union cases, enum
// values, built-in operations, and modules that hold them.
package org.fidembed.types;

import org.fidembed.ast.Ast;
import org.fidembed.diag.Loc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Symbols {
    private Symbols() { }

    /** A type scheme: a type generalised over some variables. */
    public record Scheme(List<Type.Var> vars, Type type) {
        public static Scheme mono(Type t) { return new Scheme(List.of(), t); }
    }

    public static final class LocalVar {
        private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();
        public final int id = COUNTER.incrementAndGet();
        public final String name;
        public Type type;
        public final boolean mutable;
        public final Loc loc;
        /** Set for local functions generalised by let-polymorphism. */
        public Scheme scheme;
        /** The variable's uses, counted by the checker (unused-value warnings). */
        public int uses;
        public boolean compilerGenerated;
        /** For a local inline function: the members its type parameters must have. */
        public List<MemberRequirement> memberRequirements = List.of();

        public LocalVar(String name, Type type, boolean mutable, Loc loc) {
            this.name = name;
            this.type = type;
            this.mutable = mutable;
            this.loc = loc;
        }
        @Override public String toString() { return name + "#" + id; }
    }

    public static final class GlobalVal {
        public final String name;
        public final String qualifiedName;
        public final Loc loc;
        public final ModuleDef module;
        public final Ast.Binding binding;
        public boolean mutable, inline, literal, entryPoint, rec, prelude, isPrivate;
        public Scheme scheme;
        /** The checked body: for a function, a Typed.Lambda. */
        public Typed.TExpr body;
        public Object literalValue;
        public String interruptVector;
        public Loc interruptLoc;
        public String section;
        public String exportName;
        public boolean noInline;
        /** Marked [<Test>]: a unit -> unit function that `fid-embed test` runs. */
        public boolean test;
        /** Number of curried parameters the definition takes syntactically (F#'s arity rule). */
        public int arity;
        /** Whether an interrupt handler reads or writes it (then every access is volatile). */
        public boolean sharedWithInterrupt;
        public int uses;
        /** For an inline function: the members its type parameters must have (its member constraints). */
        public List<MemberRequirement> memberRequirements = List.of();
        /** The functions of its `let rec ... and ...` group (itself included), or null. */
        public List<GlobalVal> recGroup;

        public GlobalVal(String name, String qualifiedName, Loc loc, ModuleDef module, Ast.Binding binding) {
            this.name = name;
            this.qualifiedName = qualifiedName;
            this.loc = loc;
            this.module = module;
            this.binding = binding;
        }
        public boolean isFunction() { return arity > 0; }
        @Override public String toString() { return qualifiedName; }
    }

    /** Type parameter number typeParam (of the scheme) must have the member, static or not, property or not. */
    public record MemberRequirement(int typeParam, String member, boolean isStatic, boolean property) {
        /** F#'s name of it: a property is its getter, get_Length. */
        public String fsName() { return property ? "get_" + member : member; }
    }

    public sealed interface ValueSym permits Local, Global, CaseRef, EnumRef, BuiltinRef, ActiveRef { }
    public record Local(LocalVar v) implements ValueSym { }
    public record Global(GlobalVal g) implements ValueSym { }
    public record CaseRef(TypeDefn def, TypeDefn.Case c) implements ValueSym { }
    public record EnumRef(TypeDefn def, TypeDefn.EnumValue v) implements ValueSym { }
    public record BuiltinRef(Builtin b) implements ValueSym { }
    /**
     * An active pattern: its banana-clip name (|Even|Odd|), its case names (a partial one has one case
     * and partial set), and the function that computes it (a Global or a Local symbol).
     */
    public record ActivePattern(String name, List<String> cases, boolean partial, ValueSym fn) {
        public boolean multiCase() { return cases.size() > 1; }
    }
    /**
     * A case of an active pattern: in a pattern, a test of the value; with result set (inside the
     * definition of a multi-case pattern) a constructor of its Choice result.
     */
    public record ActiveRef(ActivePattern ap, int index, boolean result) implements ValueSym { }

    public static final class ModuleDef {
        public final String name;
        public final String qualifiedName;
        public final ModuleDef parent;
        public final Map<String, ValueSym> values = new LinkedHashMap<>();
        public final Map<String, TypeDefn> types = new LinkedHashMap<>();
        public final Map<String, ModuleDef> modules = new LinkedHashMap<>();
        /** Module abbreviations declared inside this module: module G = Geometry. */
        public final Map<String, ModuleDef> abbrevs = new LinkedHashMap<>();
        public final List<String> privateNames = new ArrayList<>();
        /** Type abbreviations: type Addr = uint32 (arity = number of type parameters). */
        public final Map<String, Abbrev> typeAbbrevs = new LinkedHashMap<>();
        public record Abbrev(int arity, Type type) { }
        public boolean requireQualifiedAccess, autoOpen, prelude, isPrivate;
        /** A .NET class of static methods (System.Math): its functions take their arguments as one tuple. */
        public boolean dotNetStatics;
        public final Loc loc;

        public ModuleDef(String name, ModuleDef parent, Loc loc) {
            this.name = name;
            this.parent = parent;
            this.loc = loc;
            this.qualifiedName = parent == null || parent.name.isEmpty() ? name : parent.qualifiedName + "." + name;
        }
        @Override public String toString() { return qualifiedName; }
    }
}
