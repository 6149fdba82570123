// Views into memory that is already there, checked: &x and the byref, inref and outref it makes
// (read and written through), Span and ReadOnlySpan over arrays, and the methods that make strings
// views of strings (Substring, slices) or search them (StartsWith, EndsWith, Contains, IndexOf).
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Views {
    private final CheckContext cx;

    Views(CheckContext cx) { this.cx = cx; }

    /** The names of the methods this class provides (on arrays, spans and strings). */
    static final java.util.Set<String> METHODS = java.util.Set.of("AsSpan", "Slice", "Substring", "StartsWith", "EndsWith", "Contains", "IndexOf");

    private static Type elem(Type t) { return ((Type.Named) Type.prune(t)).args().get(0); }

    private boolean readOnly(Type t) {
        TypeDefn d = ((Type.Named) Type.prune(t)).def();
        return d == cx.predef.inref || d == cx.predef.readOnlySpan;
    }

    /** The value of a byref local or parameter: what it points to (F# reads through it implicitly). */
    static TExpr deref(TExpr ref) {
        if (!Predef.isByref(ref.type())) return ref;
        return new Typed.Prim(ref.loc(), elem(ref.type()), Builtin.DEREF, List.of(ref), List.of());
    }

    /** r <- v where r is a byref: a write through it (refused through an inref). */
    TExpr assignThrough(TExpr ref, Expr value, Loc at, Loc loc, Scope scope) {
        if (readOnly(ref.type())) {
            cx.diags.error(at, "the byref pointer is readonly, so this write is not permitted: '" + Type.show(ref.type()) + "' is an inref");
            return new Typed.Error(loc, Type.UNIT);
        }
        TExpr v = cx.exprs.check(value, elem(ref.type()), scope);
        return new Typed.Prim(loc, Type.UNIT, Builtin.STORE_REF, List.of(ref, v), List.of());
    }

    /**
     * &place: the address of a variable, a module-level value, an array or span element or a record
     * field, as a byref when the place may be written (an inref otherwise, or when one is expected).
     */
    TExpr addressOf(Prefix p, Scope scope, Type hint) {
        if (p.op().equals("&&")) {
            cx.diags.error(p.loc(), "'&&' takes a native pointer, which fid-embed does not have; use '&' for a byref");
            return new Typed.Error(p.loc(), cx.errorType());
        }
        TExpr place = cx.exprs.infer(p.operand(), scope);
        if (place instanceof Typed.Error) return place;
        Boolean writable = writablePlace(place);
        if (writable == null) {
            cx.diags.error(SyntaxFacts.startLoc(p.operand()), "'&' needs a variable, an array or span element or a record field; the value of this expression has no address");
            return new Typed.Error(p.loc(), cx.errorType());
        }
        Type h = hint == null ? null : Type.prune(hint);
        TypeDefn want = h instanceof Type.Named n && n.def().kind == TypeDefn.Kind.BYREF ? n.def() : null;
        TypeDefn kind;
        if (want == cx.predef.inref) kind = want;
        else if (want != null) {
            if (!writable) {
                cx.diags.error(SyntaxFacts.startLoc(p.operand()), "this value is not mutable, so its address is an inref and cannot be passed as a " + want.name
                        + "; declare it with 'let mutable'");
                return new Typed.Error(p.loc(), cx.errorType());
            }
            kind = want;
        } else kind = writable ? cx.predef.byref : cx.predef.inref;
        Type vt = place.type();
        return new Typed.Prim(p.loc(), new Type.Named(kind, List.of(vt)), Builtin.ADDR_OF, List.of(place), List.of());
    }

    /** Whether a place may be written through its address; null when the expression is not a place. */
    private Boolean writablePlace(TExpr e) {
        if (e instanceof Typed.Prim pr && pr.op() == Builtin.DEREF) return !readOnly(pr.args().get(0).type());
        if (e instanceof Typed.LocalRef l) return Type.prune(l.type()) instanceof Type.Fun ? null : l.v().mutable;
        if (e instanceof Typed.GlobalRef g) return g.g().isFunction() || Type.prune(g.type()) instanceof Type.Fun ? null : g.g().mutable;
        if (e instanceof Typed.Index i) {
            Type t = Type.prune(i.target().type());
            if (t instanceof Type.Array) return true;
            if (Predef.isSpan(t)) return !readOnly(t);
            return null; // a character of a string: strings are constants
        }
        if (e instanceof Typed.Field f) {
            TypeDefn.Field fd = f.def().fields.get(f.index());
            return fd.mutable() && (f.def().isReference() || cx.members.isMutableStructPlace(f.target()));
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ spans

    /** Span<'T>(arr), Span<'T>(arr, start, length) and the same for ReadOnlySpan. */
    TExpr construct(New n, TypeDefn def, Scope scope) {
        TName tn = (TName) n.type();
        Type et = tn.args().size() == 1 ? cx.typeExprs.resolveTypeExpr(tn.args().get(0), null, true) : cx.fresh();
        List<Expr> args = Calls.untuple(List.of(n.arg()));
        if (args.size() != 1 && args.size() != 3) {
            cx.diags.error(n.loc(), "'" + def.name + "' is made from an array, or from an array, a start and a length: " + def.name + "<int>(arr, 0, 4)");
            return new Typed.Error(n.loc(), cx.errorType());
        }
        List<TExpr> targs = new ArrayList<>();
        targs.add(cx.exprs.check(args.get(0), new Type.Array(et), scope));
        for (int k = 1; k < args.size(); k++) targs.add(cx.exprs.check(args.get(k), Type.INT, scope));
        return new Typed.Prim(n.loc(), new Type.Named(def, List.of(et)), Builtin.SPAN_OF_ARRAY, targs, List.of());
    }

    /** Whether target.name(args) is a method this class provides. */
    boolean isMethod(Type t, String name) {
        t = Type.prune(t);
        if (t instanceof Type.Array) return name.equals("AsSpan");
        if (Predef.isSpan(t)) return name.equals("Slice");
        if (Type.isPrim(t, PrimKind.STRING))
            return List.of("Substring", "StartsWith", "EndsWith", "Contains", "IndexOf").contains(name);
        return false;
    }

    /** target.name(args): AsSpan, Slice and the string methods. */
    TExpr method(TExpr target, String name, Loc nameLoc, List<Expr> given, Scope scope, Loc loc) {
        List<Expr> args = Calls.untuple(given.subList(0, 1));
        if (args.size() == 1 && isUnit(args.get(0))) args = List.of();
        TExpr res = switch (name) {
            case "AsSpan" -> sliceLike(target, args, 0, 2, new Type.Named(cx.predef.span, List.of(((Type.Array) Type.prune(target.type())).elem())),
                    Builtin.SPAN_OF_ARRAY, nameLoc, loc, scope);
            case "Slice" -> sliceLike(target, args, 1, 2, target.type(), Builtin.SPAN_SLICE, nameLoc, loc, scope);
            case "Substring" -> sliceLike(target, args, 1, 2, Type.STRING, Builtin.STRING_SUBSTRING, nameLoc, loc, scope);
            default -> search(target, name, args, nameLoc, loc, scope);
        };
        if (given.size() > 1 && !(res instanceof Typed.Error)) return cx.calls.applyArgs(res, given.subList(1, given.size()), scope, loc);
        return res;
    }

    private static boolean isUnit(Expr e) {
        while (e instanceof Paren p) e = p.inner();
        return e instanceof Const c && c.lit() instanceof UnitLit;
    }

    /** A method taking between min and max int arguments (start, length) after its target. */
    private TExpr sliceLike(TExpr target, List<Expr> args, int min, int max, Type result, Builtin op, Loc nameLoc, Loc loc, Scope scope) {
        if (args.size() < min || args.size() > max) {
            cx.diags.error(nameLoc, "'" + op.fsName + "' takes " + (min == 0 ? "no arguments, " : "") + "a start" + (max == 2 ? ", or a start and a length" : ""));
            return new Typed.Error(loc, cx.errorType());
        }
        List<TExpr> targs = new ArrayList<>();
        targs.add(target);
        for (Expr a : args) targs.add(cx.exprs.check(a, Type.INT, scope));
        return new Typed.Prim(loc, result, op, targs, List.of());
    }

    /** StartsWith, EndsWith, Contains and IndexOf of a string, with a string (or a char) to look for. */
    private TExpr search(TExpr target, String name, List<Expr> args, Loc nameLoc, Loc loc, Scope scope) {
        if (args.size() != 1) {
            cx.diags.error(nameLoc, "'" + name + "' takes one argument: the string or the character to look for");
            return new Typed.Error(loc, cx.errorType());
        }
        TExpr what = cx.exprs.infer(args.get(0), scope);
        boolean isChar = Type.isPrim(what.type(), PrimKind.CHAR);
        if (!isChar) cx.unifier.expect(SyntaxFacts.startLoc(args.get(0)), Type.STRING, what.type());
        Builtin op = switch (name) {
            case "StartsWith" -> isChar ? Builtin.STRING_STARTS_WITH_CHAR : Builtin.STRING_STARTS_WITH;
            case "EndsWith" -> isChar ? Builtin.STRING_ENDS_WITH_CHAR : Builtin.STRING_ENDS_WITH;
            case "Contains" -> isChar ? Builtin.STRING_CONTAINS_CHAR : Builtin.STRING_CONTAINS;
            default -> isChar ? Builtin.STRING_INDEX_OF_CHAR : Builtin.STRING_INDEX_OF;
        };
        Type rt = name.equals("IndexOf") ? Type.INT : Type.BOOL;
        return new Typed.Prim(loc, rt, op, List.of(target, what), List.of());
    }

    // ------------------------------------------------------------------------------------------ slices

    /** s.[i..j], s.[i..], s.[..j]: the part of a string, tolerant as F#'s slices (an empty string when none). */
    TExpr stringSlice(Slice sl, TExpr target, Scope scope) {
        Loc l = sl.loc();
        TExpr lo = sl.from() == null ? new Typed.Const(l, Type.INT, 0L) : cx.exprs.check(sl.from(), Type.INT, scope);
        TExpr hi = sl.to() == null ? new Typed.Const(l, Type.INT, (long) Integer.MAX_VALUE) : cx.exprs.check(sl.to(), Type.INT, scope);
        return new Typed.Prim(l, Type.STRING, Builtin.STRING_SLICE, List.of(target, lo, hi), List.of());
    }
}
