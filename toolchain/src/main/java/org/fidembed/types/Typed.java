// The typed, name-resolved and desugared tree the checker produces: every node knows its type, every
// name is a symbol, `function`, `elif`, pipelines and printf formats are already taken apart.
package org.fidembed.types;

import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;

import java.util.List;

public final class Typed {
    private Typed() { }

    public sealed interface TExpr {
        Loc loc();
        Type type();
    }

    /** A constant: Long (integer bits), Double, Float, Boolean, Character, String, or null for (). */
    public record Const(Loc loc, Type type, Object value) implements TExpr { }
    public record LocalRef(Loc loc, Type type, LocalVar v, List<Type> typeArgs) implements TExpr { }
    public record GlobalRef(Loc loc, Type type, GlobalVal g, List<Type> typeArgs) implements TExpr { }
    /** A builtin used as a first-class function value (never directly applied). */
    public record BuiltinRef(Loc loc, Type type, Builtin b) implements TExpr { }
    public record App(Loc loc, Type type, TExpr fn, List<TExpr> args) implements TExpr { }
    public record Lambda(Loc loc, Type type, List<LocalVar> params, TExpr body) implements TExpr { }
    public record Let(Loc loc, Type type, LocalVar v, TExpr value, TExpr body) implements TExpr { }
    public record LetRec(Loc loc, Type type, List<LocalVar> vars, List<Lambda> fns, TExpr body) implements TExpr { }
    public record Seq(Loc loc, Type type, TExpr first, TExpr second) implements TExpr { }
    public record If(Loc loc, Type type, TExpr cond, TExpr then, TExpr otherwise) implements TExpr { }
    public record While(Loc loc, Type type, TExpr cond, TExpr body) implements TExpr { }
    /** for v = from to/downto to, or for v in from .. step .. to (step null = 1; down for `downto`). */
    public record For(Loc loc, Type type, LocalVar v, TExpr from, TExpr step, TExpr to, boolean down, TExpr body) implements TExpr { }
    /** for v in array-or-string do body. */
    public record ForEach(Loc loc, Type type, LocalVar v, TExpr source, TExpr body) implements TExpr { }
    public record Match(Loc loc, Type type, TExpr scrutinee, List<Rule> rules, boolean letPattern) implements TExpr { }
    public record Rule(Loc loc, TPat pat, TExpr guard, TExpr body) { }
    public record Tuple(Loc loc, Type type, List<TExpr> elems) implements TExpr { }
    /** A record value; fields in declaration order, evaluated in the order given by evalOrder. */
    public record Record(Loc loc, Type type, TypeDefn def, List<TExpr> fields, List<Integer> evalOrder) implements TExpr { }
    public record RecordWith(Loc loc, Type type, TypeDefn def, TExpr original, List<Integer> indices, List<TExpr> values) implements TExpr { }
    public record Field(Loc loc, Type type, TExpr target, TypeDefn def, int index) implements TExpr { }
    public record SetField(Loc loc, Type type, TExpr target, TypeDefn def, int index, TExpr value) implements TExpr { }
    public record UnionCase(Loc loc, Type type, TypeDefn def, int caseIndex, List<TExpr> args) implements TExpr { }
    public record ArrayLit(Loc loc, Type type, List<TExpr> elems) implements TExpr { }
    /** a.[i] on an array or a string. */
    public record Index(Loc loc, Type type, TExpr target, TExpr index) implements TExpr { }
    public record SetIndex(Loc loc, Type type, TExpr target, TExpr index, TExpr value) implements TExpr { }
    public record SetLocal(Loc loc, Type type, LocalVar v, TExpr value) implements TExpr { }
    public record SetGlobal(Loc loc, Type type, GlobalVal g, TExpr value) implements TExpr { }
    /** A fully applied builtin: operators, conversions, intrinsics (args as many as the builtin takes). */
    public record Prim(Loc loc, Type type, Builtin op, List<TExpr> args, List<Type> typeArgs) implements TExpr { }
    /** printf and friends, fully applied: the parsed format and one argument per specification. */
    public record Printf(Loc loc, Type type, Builtin kind, Format format, List<TExpr> args) implements TExpr { }
    /** A panic with a message expression (string) or a format, at a location. */
    public record Panic(Loc loc, Type type, TExpr message, String fixedMessage) implements TExpr { }
    public enum PropKind { ARRAY_LENGTH, STRING_LENGTH, IS_SOME, IS_NONE, VALUE }
    public record Prop(Loc loc, Type type, PropKind kind, TExpr target) implements TExpr { }
    /**
     * A call of a member constraint, (^T : (static member Zero : ^T) ()) or LanguagePrimitives.GenericZero:
     * resolved where the inline function that holds it is expanded and support is known. args: none for
     * a static property, the argument of a static method, the instance (then the method's argument).
     * builtin: for an operator of an inline function (a + b on ^T), what it is at a primitive type, else null.
     */
    public record TraitCall(Loc loc, Type type, Type support, String member, boolean isStatic, boolean property, List<TExpr> args, Prim builtin) implements TExpr { }
    /** A construct that was already reported as an error; never reaches code generation. */
    public record Error(Loc loc, Type type) implements TExpr { }

    // ------------------------------------------------------------------------------------------ patterns

    public sealed interface TPat { Loc loc(); Type type(); }
    public record PWild(Loc loc, Type type) implements TPat { }
    public record PVar(Loc loc, Type type, LocalVar v) implements TPat { }
    public record PConst(Loc loc, Type type, Object value) implements TPat { }
    public record PTuple(Loc loc, Type type, List<TPat> elems) implements TPat { }
    /** A record pattern; one entry per field of the definition (wildcards where not mentioned). */
    public record PRecord(Loc loc, Type type, TypeDefn def, List<TPat> fields) implements TPat { }
    public record PCase(Loc loc, Type type, TypeDefn def, int caseIndex, List<TPat> args) implements TPat { }
    public record PAs(Loc loc, Type type, TPat pat, LocalVar v) implements TPat { }
    public record POr(Loc loc, Type type, TPat left, TPat right) implements TPat { }
    public record PAnd(Loc loc, Type type, TPat left, TPat right) implements TPat { }
    /**
     * An active pattern's test: call (which reads the matched value from input) computes a value of
     * resultType that must match result. Views with the same key compute the same value (the same
     * function with the same arguments), so the match compiler tests them once.
     */
    public record PView(Loc loc, Type type, LocalVar input, TExpr call, Type resultType, TPat result, String key) implements TPat { }
}
