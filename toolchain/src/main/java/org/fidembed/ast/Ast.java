// The untyped syntax tree of the F# subset, as the parser builds it: expressions, patterns, type
// expressions and declarations, each node carrying the location a diagnostic should point at.
package org.fidembed.ast;

import org.fidembed.diag.Loc;

import java.math.BigInteger;
import java.util.List;

public final class Ast {
    private Ast() { }

    // ---------------------------------------------------------------- literals

    public sealed interface Literal permits IntLit, FloatLit, CharLit, StringLit, BoolLit, UnitLit, BytesLit { }
    /** An integer literal: magnitude, sign, suffix ("" = int, "uy", "L", ...), and whether written in hex/octal/binary. */
    public record IntLit(BigInteger magnitude, boolean negative, String suffix, boolean bitPattern) implements Literal { }
    public record FloatLit(double value, boolean single) implements Literal { }
    public record CharLit(char value) implements Literal { }
    /** A string literal: its value, and its text as written (for locations inside format strings). */
    public record StringLit(String value, String raw) implements Literal { }
    public record BoolLit(boolean value) implements Literal { }
    public record UnitLit() implements Literal { }
    /** A byte string "AT\r\n"B: a constant byte array. */
    public record BytesLit(byte[] value, String raw) implements Literal { }

    // ---------------------------------------------------------------- types

    public sealed interface TypeExpr { Loc loc(); }
    /** A named type with optional arguments: int, Box<'T>, Result<int, E>, int option (postfix form). */
    public record TName(Loc loc, List<String> path, List<TypeExpr> args) implements TypeExpr { }
    /** 'T, or ^T (statically resolved) when hat. */
    public record TVarT(Loc loc, String name, boolean hat) implements TypeExpr {
        public TVarT(Loc loc, String name) { this(loc, name, false); }
    }
    public record TFunT(Loc loc, TypeExpr arg, TypeExpr result) implements TypeExpr { }
    public record TTupleT(Loc loc, List<TypeExpr> elems, boolean struct) implements TypeExpr { }
    public record TArrayT(Loc loc, TypeExpr elem, int rank) implements TypeExpr { }
    public record TAnyT(Loc loc) implements TypeExpr { }
    /** Units of measure: the dimensionless 1, a quotient m/s, a power s^2 (exponent may be negative). */
    public record TMeasureOne(Loc loc) implements TypeExpr { }
    public record TMeasureQuot(Loc loc, TypeExpr num, TypeExpr den) implements TypeExpr { }
    public record TMeasurePow(Loc loc, TypeExpr base, int exponent) implements TypeExpr { }
    /** A type with constraints: ^T when ^T : (static member Zero : ^T). */
    public record TConstrained(Loc loc, TypeExpr type, List<Constraint> constraints) implements TypeExpr { }
    /** A constraint on a type variable: kind "member" (with sig), "comparison", "equality", "struct", "unmanaged", "subtype". */
    public record Constraint(Loc loc, TypeExpr subject, String kind, MemberSig sig, TypeExpr bound) { }
    /** The signature of a member in a constraint: (static member Zero : ^T). */
    public record MemberSig(Loc loc, boolean isStatic, String name, TypeExpr type) { }

    // ---------------------------------------------------------------- patterns

    public sealed interface Pat { Loc loc(); }
    public record PWild(Loc loc) implements Pat { }
    public record PConst(Loc loc, Literal lit) implements Pat { }
    /** A lone name: a variable, or a nullary union case or [<Literal>] when one is in scope. */
    public record PName(Loc loc, String name) implements Pat { }
    /** A qualified name or a case with arguments: Some x, Shape.Rect (w, h), Rect (width = w). */
    public record PCase(Loc loc, List<String> path, List<Pat> args, List<NamedPat> named) implements Pat { }
    public record NamedPat(Loc loc, String name, Pat pat) { }
    public record PTuple(Loc loc, List<Pat> elems, boolean struct) implements Pat { }
    public record PRecord(Loc loc, List<FieldPat> fields) implements Pat { }
    public record FieldPat(Loc loc, List<String> path, Pat pat) { }
    public record PAs(Loc loc, Pat pat, String name, Loc nameLoc) implements Pat { }
    public record POr(Loc loc, Pat left, Pat right) implements Pat { }
    /** p1 & p2: the value matches both (useful with active patterns). */
    public record PAnd(Loc loc, Pat left, Pat right) implements Pat { }
    public record PTyped(Loc loc, Pat pat, TypeExpr type) implements Pat { }
    /** A pattern the subset does not support (list or array patterns...); the checker reports it. */
    public record PUnsupported(Loc loc, String message) implements Pat { }

    // ---------------------------------------------------------------- expressions

    public sealed interface Expr { Loc loc(); }
    public record Const(Loc loc, Literal lit) implements Expr { }
    /** A name, possibly qualified: x, Array.map, G.Metrics.manhattan, r.Origin.X (resolved later). */
    public record Name(Loc loc, List<String> path, List<Loc> locs) implements Expr { }
    /** expr.Field where expr is not a plain name: (f x).Value, a.[0].X. */
    public record DotGet(Loc loc, Expr target, String name, Loc nameLoc) implements Expr { }
    public record Index(Loc loc, Expr target, Expr index) implements Expr { }
    public record App(Loc loc, Expr fn, Expr arg) implements Expr { }
    public record TypeApp(Loc loc, Expr fn, List<TypeExpr> args) implements Expr { }
    public record Infix(Loc loc, String op, Expr left, Expr right) implements Expr { }
    public record Prefix(Loc loc, String op, Expr operand) implements Expr { }
    /** An operator used as a value: (+), (*), (>>=). */
    public record OpValue(Loc loc, String op) implements Expr { }
    public record Tuple(Loc loc, List<Expr> elems, boolean struct) implements Expr { }
    public record Paren(Loc loc, Expr inner) implements Expr { }
    public record ArrayLit(Loc loc, List<Expr> elems) implements Expr { }
    public record RecordExpr(Loc loc, Expr copyFrom, List<FieldInit> fields) implements Expr { }
    public record FieldInit(Loc loc, List<String> path, Expr value) { }
    public record Lambda(Loc loc, List<Pat> params, Expr body) implements Expr { }
    public record Function(Loc loc, List<Rule> rules) implements Expr { }
    public record Match(Loc loc, Expr scrutinee, List<Rule> rules) implements Expr { }
    public record Rule(Loc loc, Pat pat, Expr guard, Expr body) { }
    public record If(Loc loc, Expr cond, Expr then, Expr otherwise) implements Expr { }
    public record While(Loc loc, Expr cond, Expr body) implements Expr { }
    /** for i = a to b / downto. */
    public record ForTo(Loc loc, String var, Loc varLoc, Expr from, Expr to, boolean down, Expr body) implements Expr { }
    /** for pat in source do body, where source is a Range or an array expression. */
    public record ForIn(Loc loc, Pat pat, Expr source, Expr body) implements Expr { }
    public record Range(Loc loc, Expr from, Expr step, Expr to) implements Expr { }
    public record Seq(Loc loc, Expr first, Expr second) implements Expr { }
    public record LetIn(Loc loc, boolean rec, List<Binding> bindings, Expr body) implements Expr { }
    public record Assign(Loc loc, Expr target, Expr value) implements Expr { }
    public record Typed(Loc loc, Expr expr, TypeExpr type) implements Expr { }
    /** A construct the subset rejects; the checker reports message at loc. */
    public record Unsupported(Loc loc, String message) implements Expr { }
    /** What stands where a syntax error was reported: it type-checks as anything and reports nothing more. */
    public record ErrorExpr(Loc loc) implements Expr { }
    /** A literal with a unit of measure: 250<ms>, 9.81<m/s^2>. */
    public record Measured(Loc loc, Expr literal, TypeExpr measure) implements Expr { }
    /** a.[i..j], s[..j], a.[i..]: a slice (from or to may be null). */
    public record Slice(Loc loc, Expr target, Expr from, Expr to) implements Expr { }
    /** [| for ... -> e |] and [| for ... do yield e |]: an array comprehension; body holds Yield nodes. */
    public record ArrayComp(Loc loc, Expr body) implements Expr { }
    public record Yield(Loc loc, Expr value) implements Expr { }
    /** new T(args) or T(args) with a type application: a constructor call. */
    public record New(Loc loc, TypeExpr type, Expr arg) implements Expr { }
    /** (^T : (static member Zero : ^T) ()): a call of a member constraint. */
    public record TraitCall(Loc loc, List<TypeExpr> supports, MemberSig sig, Expr arg) implements Expr { }

    // ---------------------------------------------------------------- bindings and declarations

    /** [<Name(args)>]; target is the part before ':' ([<return: Struct>]) or null. */
    public record Attribute(Loc loc, String name, List<Expr> args, String target) {
        public Attribute(Loc loc, String name, List<Expr> args) { this(loc, name, args, null); }
    }

    public enum Access { PUBLIC, PRIVATE, INTERNAL }

    /**
     * A let binding. A function binding has a name and parameters; a value binding has a pattern
     * (for a plain `let x = ...` the pattern is a PName).
     */
    public record Binding(Loc loc, List<Attribute> attrs, boolean mutable, boolean inline, Access access,
                          Pat pat, String name, Loc nameLoc, List<Pat> params, TypeExpr returnType, Expr body,
                          Loc letLoc) {
        public boolean isFunction() { return !params.isEmpty(); }
    }

    public sealed interface Decl { Loc loc(); }
    public record LetDecl(Loc loc, boolean rec, List<Binding> bindings) implements Decl { }
    public record DoDecl(Loc loc, Expr expr) implements Decl { }
    public record TypeDecl(Loc loc, List<TypeDef> defs) implements Decl { }
    public record ModuleDecl(Loc loc, String name, List<Attribute> attrs, Access access, List<Decl> body) implements Decl { }
    public record OpenDecl(Loc loc, List<String> path) implements Decl { }
    public record ModuleAbbrev(Loc loc, String name, List<String> path) implements Decl { }
    public record UnsupportedDecl(Loc loc, String message) implements Decl { }

    public sealed interface TypeDef { Loc loc(); String name(); List<String> typeParams(); List<Attribute> attrs(); }
    public record RecordDef(Loc loc, String name, List<String> typeParams, List<Attribute> attrs, Access access,
                            List<FieldDef> fields, List<MemberDef> members) implements TypeDef { }
    public record FieldDef(Loc loc, String name, boolean mutable, TypeExpr type) { }
    public record UnionDef(Loc loc, String name, List<String> typeParams, List<Attribute> attrs, Access access,
                           List<CaseDef> cases, List<MemberDef> members) implements TypeDef { }
    public record CaseDef(Loc loc, String name, List<CaseField> fields) { }
    public record CaseField(Loc loc, String name, TypeExpr type) { }
    public record EnumDef(Loc loc, String name, List<String> typeParams, List<Attribute> attrs, Access access,
                          List<EnumCase> cases) implements TypeDef { }
    public record EnumCase(Loc loc, String name, Literal value) { }
    public record AbbrevDef(Loc loc, String name, List<String> typeParams, List<Attribute> attrs, TypeExpr type) implements TypeDef { }
    /** type T without a representation ([<Measure>] type ms), or a measure abbreviation (type Hz = 1/s). */
    public record AbstractDef(Loc loc, String name, List<String> typeParams, List<Attribute> attrs, TypeExpr abbreviates) implements TypeDef { }

    /**
     * A member of a record or union: an instance member (self is the name before the dot, e.g. this) or
     * a static one; a property when it has no parameters; name is an operator's text for (+).
     * A property with `with get () = ... and set v = ...` has its getter as body and its setter apart.
     */
    public record MemberDef(Loc loc, List<Attribute> attrs, boolean isStatic, Access access, boolean inline, String self,
                            String name, Loc nameLoc, List<Pat> params, TypeExpr returnType, Expr body, Setter setter) {
        public boolean isProperty() { return params.isEmpty(); }
    }
    public record Setter(Loc loc, List<Pat> params, Expr body) { }

    /** A whole file: its top module path (or namespace) and its declarations. */
    public record FileAst(Loc loc, List<String> modulePath, boolean isNamespace, List<Attribute> attrs, List<Decl> decls) { }
}
