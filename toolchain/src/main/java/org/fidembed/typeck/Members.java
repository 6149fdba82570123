// Dot access, indexing, record construction and copy-and-update, and assignment to mutable locals,
// globals, fields (struct places included) and array elements.
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

final class Members {
    private final CheckContext cx;

    Members(CheckContext cx) { this.cx = cx; }

    /** target.name: a record field, or .Length / .IsSome / .IsNone / .Value. */
    TExpr member(TExpr target, String name, Loc loc) {
        if (target instanceof Typed.Error) return new Typed.Error(loc, cx.errorType());
        Type t = Type.prune(target.type());
        if (t instanceof Type.Var) {
            // F# resolves a field of an unknown type by the latest record type that has it
            TypeDefn d = cx.names.recordWithField(name);
            if (d != null && !List.of("Length", "IsSome", "IsNone", "Value").contains(name)) {
                List<Type> targs = cx.names.freshArgs(d);
                cx.unifier.unify(t, new Type.Named(d, targs));
                t = Type.prune(target.type());
            } else {
                if (!Type.touchesError(t)) cx.diags.error(target.loc(), "lookup on object of indeterminate type based on information prior to this program point; add a type annotation");
                return new Typed.Error(loc, cx.errorType());
            }
        }
        if (t instanceof Type.Array && name.equals("Length")) return new Typed.Prop(loc, Type.INT, Typed.PropKind.ARRAY_LENGTH, target);
        if (Type.isPrim(t, PrimKind.STRING) && name.equals("Length")) return new Typed.Prop(loc, Type.INT, Typed.PropKind.STRING_LENGTH, target);
        if (Predef.isSpan(t) && name.equals("Length")) return new Typed.Prop(loc, Type.INT, Typed.PropKind.ARRAY_LENGTH, target);
        if (Predef.isSpan(t) && name.equals("IsEmpty")) {
            TExpr len = new Typed.Prop(loc, Type.INT, Typed.PropKind.ARRAY_LENGTH, target);
            return new Typed.Prim(loc, Type.BOOL, Builtin.EQ, List.of(len, new Typed.Const(loc, Type.INT, 0L)), List.of(Type.INT));
        }
        if (t instanceof Type.Named n) {
            TypeDefn d = n.def();
            if (d == cx.predef.option || d == cx.predef.voption) {
                switch (name) {
                    case "IsSome": return new Typed.Prop(loc, Type.BOOL, Typed.PropKind.IS_SOME, target);
                    case "IsNone": return new Typed.Prop(loc, Type.BOOL, Typed.PropKind.IS_NONE, target);
                    case "Value": return new Typed.Prop(loc, n.args().get(0), Typed.PropKind.VALUE, target);
                    default: break;
                }
            }
            if (d.kind == TypeDefn.Kind.RECORD) {
                int idx = d.fieldIndex(name);
                if (idx >= 0) return new Typed.Field(loc, Type.substParams(d.fields.get(idx).type(), n.args()), target, d, idx);
            }
        }
        if (t instanceof Type.Named n) {
            TypeDefn.Member mem = n.def().members.get(name);
            if (mem != null && !mem.isStatic()) return instanceMember(target, mem, loc);
            if (mem != null) {
                cx.diags.error(loc, "'" + name + "' is a static member of '" + n.def().name + "': write '" + n.def().name + "." + name + "'");
                return new Typed.Error(loc, cx.errorType());
            }
        }
        if (name.equals("ToString")) {
            cx.diags.error(loc, "building strings needs a heap; print the parts with printf");
            return new Typed.Error(loc, cx.errorType());
        }
        cx.diags.error(loc, "the type '" + Type.show(t) + "' does not define the field, constructor or member '" + name + "'");
        return new Typed.Error(loc, cx.errorType());
    }

    TExpr inferIndex(Index ix, Scope scope) {
        TExpr target = cx.exprs.infer(ix.target(), scope);
        Type t = Type.prune(target.type());
        TExpr idx = cx.exprs.check(ix.index(), Type.INT, scope);
        if (t instanceof Type.Array a) return new Typed.Index(ix.loc(), a.elem(), target, idx);
        if (Type.isPrim(t, PrimKind.STRING)) return new Typed.Index(ix.loc(), Type.CHAR, target, idx);
        if (Predef.isSpan(t)) return new Typed.Index(ix.loc(), ((Type.Named) t).args().get(0), target, idx);
        if (t instanceof Type.Var) {
            if (!Type.touchesError(t)) cx.diags.error(SyntaxFacts.startLoc(ix.target()), "the operator 'expr.[idx]' has been used on an object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(ix.loc(), cx.errorType());
        }
        cx.diags.error(SyntaxFacts.startLoc(ix.target()), "the type '" + Type.show(t) + "' cannot be indexed; only arrays and strings can");
        return new Typed.Error(ix.loc(), cx.errorType());
    }

    TExpr inferRecord(RecordExpr r, Scope scope, Type hint) {
        if (r.copyFrom() != null) {
            TExpr orig = cx.exprs.infer(r.copyFrom(), scope);
            Type t = Type.prune(orig.type());
            if (t instanceof Type.Var && !r.fields().isEmpty()) {
                TypeDefn d = cx.names.findRecordForField(r.fields().get(0));
                if (d != null) { cx.unifier.unify(t, new Type.Named(d, cx.names.freshArgs(d))); t = Type.prune(t); }
            }
            if (!(t instanceof Type.Named n) || n.def().kind != TypeDefn.Kind.RECORD) {
                cx.diags.error(SyntaxFacts.startLoc(r.copyFrom()), "'{ x with ... }' needs a record but this expression has type '" + Type.show(t) + "'");
                return new Typed.Error(r.loc(), cx.errorType());
            }
            TypeDefn d = n.def();
            List<Integer> idxs = new ArrayList<>();
            List<TExpr> vals = new ArrayList<>();
            for (FieldInit fi : r.fields()) {
                String fname = fi.path().get(fi.path().size() - 1);
                int idx = d.fieldIndex(fname);
                if (idx < 0) { cx.diags.error(fi.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
                idxs.add(idx);
                vals.add(cx.exprs.check(fi.value(), Type.substParams(d.fields.get(idx).type(), n.args()), scope));
            }
            return new Typed.RecordWith(r.loc(), t, d, orig, idxs, vals);
        }
        TypeDefn d = null;
        Type h = hint == null ? null : Type.prune(hint);
        if (h instanceof Type.Named hn && hn.def().kind == TypeDefn.Kind.RECORD && hn.def().fieldIndex(SyntaxFacts.lastName(r.fields().get(0))) >= 0) d = hn.def();
        if (d == null) d = cx.names.findRecordForField(r.fields().get(0));
        if (d == null) {
            cx.diags.error(r.fields().get(0).loc(), "the record label '" + String.join(".", r.fields().get(0).path()) + "' is not defined");
            return new Typed.Error(r.loc(), cx.errorType());
        }
        List<Type> targs = h instanceof Type.Named hn2 && hn2.def() == d ? hn2.args() : cx.names.freshArgs(d);
        TExpr[] slots = new TExpr[d.fields.size()];
        List<Integer> order = new ArrayList<>();
        for (FieldInit fi : r.fields()) {
            String fname = SyntaxFacts.lastName(fi);
            int idx = d.fieldIndex(fname);
            if (idx < 0) { cx.diags.error(fi.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
            if (slots[idx] != null) { cx.diags.error(fi.loc(), "the field '" + fname + "' is given twice"); continue; }
            slots[idx] = cx.exprs.check(fi.value(), Type.substParams(d.fields.get(idx).type(), targs), scope);
            order.add(idx);
        }
        List<TExpr> fields = new ArrayList<>();
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == null) {
                cx.diags.error(r.loc(), "no assignment given for field '" + d.fields.get(k).name() + "' of type '" + d.name + "'");
                slots[k] = new Typed.Error(r.loc(), cx.errorType());
            }
            fields.add(slots[k]);
        }
        return new Typed.Record(r.loc(), new Type.Named(d, targs), d, fields, order);
    }

    TExpr inferAssign(Assign a, Scope scope) {
        Expr target = a.target();
        while (target instanceof Paren p) target = p.inner();
        if (target instanceof Name n) {
            Names.Resolved r = cx.names.resolveValue(n.path(), n.locs(), scope, true);
            if (r == null) return new Typed.Error(a.loc(), Type.UNIT);
            if (r.used() == n.path().size()) {
                if (r.sym() instanceof Local l && Predef.isByref(l.v().type)) {
                    l.v().uses++;
                    return cx.views.assignThrough(new Typed.LocalRef(n.loc(), l.v().type, l.v(), List.of()), a.value(), n.loc(), a.loc(), scope);
                }
                if (r.sym() instanceof Local l) {
                    if (!l.v().mutable) {
                        cx.diags.error(n.loc(), "this value is not mutable; declare it with 'let mutable " + l.v().name + "'");
                        return new Typed.Error(a.loc(), Type.UNIT);
                    }
                    TExpr v = cx.exprs.check(a.value(), l.v().type, scope);
                    return new Typed.SetLocal(a.loc(), Type.UNIT, l.v(), v);
                }
                if (r.sym() instanceof Global g) {
                    if (!g.g().mutable) {
                        cx.diags.error(n.loc(), "this value is not mutable; declare it with 'let mutable " + g.g().name + "'");
                        return new Typed.Error(a.loc(), Type.UNIT);
                    }
                    g.g().uses++;
                    TExpr v = cx.exprs.check(a.value(), g.g().scheme.type(), scope);
                    return new Typed.SetGlobal(a.loc(), Type.UNIT, g.g(), v);
                }
                cx.diags.error(n.loc(), "this value is not mutable");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            // field assignment: a.b.c <- v
            TExpr obj = r.sym() == null ? new Typed.Const(n.loc(), r.constType(), r.constant()) : cx.calls.symbolValue(r.sym(), n.loc(), n.loc());
            for (int k = r.used(); k < n.path().size() - 1; k++) obj = member(obj, n.path().get(k), n.locs().get(k));
            return setField(obj, n.path().get(n.path().size() - 1), n.locs().get(n.path().size() - 1), a, scope);
        }
        if (target instanceof DotGet d) {
            TExpr obj = cx.exprs.infer(d.target(), scope);
            return setField(obj, d.name(), d.nameLoc(), a, scope);
        }
        if (target instanceof Index ix) {
            TExpr arr = cx.exprs.infer(ix.target(), scope);
            Type t = Type.prune(arr.type());
            TExpr idx = cx.exprs.check(ix.index(), Type.INT, scope);
            if (t instanceof Type.Array at) {
                TExpr v = cx.exprs.check(a.value(), at.elem(), scope);
                return new Typed.SetIndex(a.loc(), Type.UNIT, arr, idx, v);
            }
            if (Predef.isSpan(t) && ((Type.Named) t).def() == cx.predef.span) {
                TExpr v = cx.exprs.check(a.value(), ((Type.Named) t).args().get(0), scope);
                return new Typed.SetIndex(a.loc(), Type.UNIT, arr, idx, v);
            }
            if (Predef.isSpan(t)) {
                cx.diags.error(SyntaxFacts.startLoc(ix.target()), "a ReadOnlySpan is read-only: its elements cannot be changed; use a Span");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            if (Type.isPrim(t, PrimKind.STRING)) {
                cx.diags.error(a.loc(), "strings are constants in fid-embed and cannot be changed");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            if (!Type.touchesError(t)) cx.diags.error(SyntaxFacts.startLoc(ix.target()), "the operator 'expr.[idx]' has been used on an object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        cx.diags.error(SyntaxFacts.startLoc(target), "this expression cannot be assigned to; only mutable variables, array elements and mutable fields can");
        return new Typed.Error(a.loc(), Type.UNIT);
    }

    /** v.Name: the member's function applied to v (a property's value, or a method waiting for its arguments). */
    TExpr instanceMember(TExpr target, TypeDefn.Member mem, Loc loc) {
        TExpr fn = cx.calls.symbolValue(new Global(mem.fn()), loc, loc);
        Type ft = Type.prune(fn.type());
        if (!(ft instanceof Type.Fun f)) return new Typed.Error(loc, cx.errorType());
        cx.unifier.expect(loc, f.arg(), target.type());
        return new Typed.App(loc, f.result(), fn, List.of(target));
    }

    TExpr setField(TExpr obj, String fname, Loc floc, Assign a, Scope scope) {
        Type ot = Type.prune(obj.type());
        TypeDefn.Member mem = ot instanceof Type.Named on ? on.def().members.get(fname) : null;
        if (mem != null && mem.property()) {
            if (mem.setter() == null) {
                cx.diags.error(floc, "the property '" + fname + "' has no setter; define it with 'with get () = ... and set v = ...'");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            TExpr set = cx.calls.symbolValue(new Global(mem.setter()), floc, floc);
            Type st = Type.prune(set.type());
            if (!(st instanceof Type.Fun f1) || !(Type.prune(f1.result()) instanceof Type.Fun f2)) return new Typed.Error(a.loc(), Type.UNIT);
            cx.unifier.expect(floc, f1.arg(), obj.type());
            TExpr v = cx.exprs.check(a.value(), f2.arg(), scope);
            return new Typed.App(a.loc(), f2.result(), set, List.of(obj, v));
        }
        TExpr f = member(obj, fname, floc);
        if (!(f instanceof Typed.Field fld)) return new Typed.Error(a.loc(), Type.UNIT);
        TypeDefn.Field fd = fld.def().fields.get(fld.index());
        if (!fd.mutable()) {
            cx.diags.error(floc, "the record field '" + fname + "' is not mutable; declare it 'mutable " + fname + "'");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        if (fld.def().struct && !isMutableStructPlace(obj)) {
            cx.diags.error(SyntaxFacts.startLoc(a.target()), "a value must be mutable in order to mutate the contents of a struct; declare it with 'let mutable'");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        TExpr v = cx.exprs.check(a.value(), fld.type(), scope);
        return new Typed.SetField(a.loc(), Type.UNIT, obj, fld.def(), fld.index(), v);
    }

    boolean isMutableStructPlace(TExpr e) {
        if (e instanceof Typed.LocalRef l) return l.v().mutable;
        if (e instanceof Typed.GlobalRef g) return g.g().mutable;
        if (e instanceof Typed.Index) return true;
        if (e instanceof Typed.Prim p && p.op() == Builtin.DEREF) return Type.prune(p.args().get(0).type()) instanceof Type.Named n && n.def() != cx.predef.inref;
        if (e instanceof Typed.Field f) {
            TypeDefn d = f.def();
            if (d.isReference()) return true;
            return d.struct && isMutableStructPlace(f.target());
        }
        return false;
    }

    /** a.[i..j], a.[..j], a.[i..]: a new array of the part, as Array.sub builds it (its length known when the bounds are). */
    TExpr inferSlice(Slice sl, Scope scope) {
        TExpr target = cx.exprs.infer(sl.target(), scope);
        Type t = Type.prune(target.type());
        if (Type.isPrim(t, PrimKind.STRING)) return cx.views.stringSlice(sl, target, scope);
        if (!(t instanceof Type.Array)) {
            if (!Type.touchesError(t)) cx.diags.error(SyntaxFacts.startLoc(sl.target()), "only arrays can be sliced, but this expression has type '" + Type.show(t) + "'");
            return new Typed.Error(sl.loc(), cx.errorType());
        }
        Loc l = sl.loc();
        LocalVar arr = new LocalVar("slice@", t, false, l);
        arr.compilerGenerated = true;
        Expr a = new Name(l, List.of("slice@"), List.of(l));
        Expr from = sl.from() == null ? new Const(l, new IntLit(java.math.BigInteger.ZERO, false, "", false)) : new Paren(l, sl.from());
        Expr count = sl.to() == null
                ? new Infix(l, "-", new Name(l, List.of("slice@", "Length"), List.of(l, l)), from)
                : new Infix(l, "+", new Infix(l, "-", new Paren(l, sl.to()), from), new Const(l, new IntLit(java.math.BigInteger.ONE, false, "", false)));
        Expr sub = new App(l, new App(l, new App(l, new Name(l, List.of("Array", "sub"), List.of(l, l)), a), from), new Paren(l, count));
        TExpr body = cx.exprs.infer(sub, scope.with(arr.name, new Local(arr)));
        return new Typed.Let(l, body.type(), arr, target, body);
    }
}
