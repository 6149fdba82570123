// Patterns: constants, variables, union cases (positional and named fields), tuples, records, `as`,
// or-patterns (both sides bind the same names), typed patterns and active patterns (ActivePatterns),
// with the names each binds.
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

final class Patterns {
    private final CheckContext cx;

    Patterns(CheckContext cx) { this.cx = cx; }

    TPat checkPattern(Pat p, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        if (p instanceof PWild w) return new Typed.PWild(w.loc(), expected);
        if (p instanceof Ast.PConst c) {
            TExpr lit = cx.literals.literal(c.lit(), c.loc());
            cx.unifier.expect(c.loc(), expected, lit.type());
            if (Type.isPrim(lit.type(), PrimKind.FLOAT) || Type.isPrim(lit.type(), PrimKind.FLOAT32)) {
                // F# allows float constants in patterns; equality of floats is exact
            }
            return new Typed.PConst(c.loc(), expected, ((Typed.Const) lit).value());
        }
        if (p instanceof PName pn) {
            ValueSym s = cx.names.resolvePatternName(pn.name(), scope);
            if (s instanceof CaseRef cr) return casePattern(cr, pn.loc(), List.of(), List.of(), expected, binds, scope, reuse);
            if (s instanceof ActiveRef ar) return cx.activePatterns.use(ar, pn.loc(), List.of(), expected, binds, scope, reuse);
            if (s instanceof Global g && g.g().literal && g.g().literalValue != null) {
                cx.unifier.expect(pn.loc(), expected, g.g().scheme.type());
                return new Typed.PConst(pn.loc(), expected, g.g().literalValue);
            }
            return bindVar(pn.name(), pn.loc(), expected, binds, reuse);
        }
        if (p instanceof PCase pc) return pathPattern(pc, expected, binds, scope, reuse);
        if (p instanceof Ast.PTuple pt) {
            List<Type> ts = new ArrayList<>();
            for (int k = 0; k < pt.elems().size(); k++) ts.add(cx.fresh());
            Type tt = new Type.Tuple(ts, pt.struct());
            cx.unifier.expect(pt.loc(), expected, tt);
            List<TPat> el = new ArrayList<>();
            for (int k = 0; k < pt.elems().size(); k++) el.add(checkPattern(pt.elems().get(k), ts.get(k), binds, scope, reuse));
            return new Typed.PTuple(pt.loc(), expected, el);
        }
        if (p instanceof Ast.PRecord pr) return recordPattern(pr, expected, binds, scope, reuse);
        if (p instanceof Ast.PAs pa) {
            TPat inner = checkPattern(pa.pat(), expected, binds, scope, reuse);
            TPat bound = bindVar(pa.name(), pa.nameLoc(), expected, binds, reuse);
            return bound instanceof Typed.PVar v ? new Typed.PAs(pa.loc(), expected, inner, v.v()) : inner;
        }
        if (p instanceof Ast.POr po) return orPattern(po, expected, binds, scope, reuse);
        if (p instanceof Ast.PAnd pa) {
            TPat l = checkPattern(pa.left(), expected, binds, scope, reuse);
            return new Typed.PAnd(pa.loc(), expected, l, checkPattern(pa.right(), expected, binds, scope, reuse));
        }
        if (p instanceof PTyped pt) {
            cx.unifier.expect(pt.loc(), expected, cx.typeExprs.resolveTypeExpr(pt.type(), null, true));
            return checkPattern(pt.pat(), expected, binds, scope, reuse);
        }
        if (p instanceof PUnsupported u) {
            cx.diags.error(u.loc(), u.message());
            return new Typed.PWild(u.loc(), expected);
        }
        throw new IllegalStateException("pattern " + p);
    }

    /** A pattern named by a path: a union case with its arguments, an enum value, a literal or a constant. */
    private TPat pathPattern(PCase pc, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        Names.Resolved r = cx.names.resolveValue(pc.path(), java.util.Collections.nCopies(pc.path().size(), pc.loc()), scope, false);
        if (r != null && r.used() == pc.path().size() && r.sym() instanceof CaseRef cr)
            return casePattern(cr, pc.loc(), pc.args(), pc.named(), expected, binds, scope, reuse);
        if (r != null && r.used() == pc.path().size() && r.sym() instanceof ActiveRef ar && pc.named().isEmpty())
            return cx.activePatterns.use(ar, pc.loc(), pc.args(), expected, binds, scope, reuse);
        if (r != null && r.used() == pc.path().size() && r.sym() instanceof EnumRef er && pc.args().isEmpty()) {
            cx.unifier.expect(pc.loc(), expected, new Type.Named(er.def(), List.of()));
            return new Typed.PConst(pc.loc(), expected, er.v().value());
        }
        if (r != null && r.used() == pc.path().size() && r.sym() instanceof Global g && g.g().literal && pc.args().isEmpty()) {
            cx.unifier.expect(pc.loc(), expected, g.g().scheme.type());
            return new Typed.PConst(pc.loc(), expected, g.g().literalValue);
        }
        if (r != null && r.sym() == null && r.constant() != null && pc.args().isEmpty()) {
            cx.unifier.expect(pc.loc(), expected, r.constType());
            return new Typed.PConst(pc.loc(), expected, r.constant());
        }
        if (pc.path().size() == 1 && pc.args().size() == 1) {
            cx.diags.error(pc.loc(), "the union case '" + pc.path().get(0) + "' is not defined");
        } else {
            cx.diags.error(pc.loc(), "the pattern '" + String.join(".", pc.path()) + "' is not a union case, literal or enum value");
        }
        return new Typed.PWild(pc.loc(), expected);
    
    }

    /** A record pattern: the fields named are checked, the others match anything. */
    private TPat recordPattern(Ast.PRecord pr, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        FieldPat first = pr.fields().get(0);
        TypeDefn d = null;
        Type et = Type.prune(expected);
        if (et instanceof Type.Named n && n.def().kind == TypeDefn.Kind.RECORD && n.def().fieldIndex(first.path().get(first.path().size() - 1)) >= 0) d = n.def();
        if (d == null) d = cx.names.findRecordForField(new FieldInit(first.loc(), first.path(), null));
        if (d == null) { cx.diags.error(first.loc(), "the record label '" + String.join(".", first.path()) + "' is not defined"); return new Typed.PWild(pr.loc(), expected); }
        List<Type> targs = et instanceof Type.Named n2 && n2.def() == d ? n2.args() : cx.names.freshArgs(d);
        cx.unifier.expect(pr.loc(), expected, new Type.Named(d, targs));
        List<TPat> fields = new ArrayList<>();
        for (TypeDefn.Field f : d.fields) fields.add(new Typed.PWild(pr.loc(), Type.substParams(f.type(), targs)));
        for (FieldPat fp : pr.fields()) {
            String fname = fp.path().get(fp.path().size() - 1);
            int idx = d.fieldIndex(fname);
            if (idx < 0) { cx.diags.error(fp.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
            fields.set(idx, checkPattern(fp.pat(), Type.substParams(d.fields.get(idx).type(), targs), binds, scope, reuse));
        }
        return new Typed.PRecord(pr.loc(), expected, d, fields);
    
    }

    /** An or-pattern: both sides bind the same names, to the same variables. */
    private TPat orPattern(Ast.POr po, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        Map<String, LocalVar> left = new LinkedHashMap<>();
        TPat l = checkPattern(po.left(), expected, left, scope, reuse);
        Map<String, LocalVar> right = new LinkedHashMap<>();
        Map<String, LocalVar> reuseRight = new HashMap<>(left);
        if (reuse != null) reuseRight.putAll(reuse);
        TPat r = checkPattern(po.right(), expected, right, scope, reuseRight);
        if (!left.keySet().equals(right.keySet())) {
            cx.diags.error(po.loc(), "the two sides of this 'or' pattern bind different variables");
        }
        binds.putAll(left);
        return new Typed.POr(po.loc(), expected, l, r);
    
    }

    TPat bindVar(String name, Loc loc, Type t, Map<String, LocalVar> binds, Map<String, LocalVar> reuse) {
        if (binds.containsKey(name)) {
            cx.diags.error(loc, "the name '" + name + "' is bound twice in this pattern");
            return new Typed.PWild(loc, t);
        }
        LocalVar v;
        if (reuse != null && reuse.containsKey(name)) {
            v = reuse.get(name);
            cx.unifier.expect(loc, v.type, t);
        } else v = new LocalVar(name, t, false, loc);
        binds.put(name, v);
        return new Typed.PVar(loc, t, v);
    }

    TPat casePattern(CaseRef cr, Loc loc, List<Pat> args, List<NamedPat> named, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        TypeDefn d = cr.def();
        TypeDefn.Case c = cr.c();
        Type et = Type.prune(expected);
        List<Type> targs = et instanceof Type.Named n && n.def() == d ? n.args() : cx.names.freshArgs(d);
        cx.unifier.expect(loc, expected, new Type.Named(d, targs));
        int n = c.fields().size();
        List<TPat> out = new ArrayList<>();
        for (TypeDefn.Field f : c.fields()) out.add(new Typed.PWild(loc, Type.substParams(f.type(), targs)));
        if (!named.isEmpty()) {
            for (NamedPat np : named) {
                int idx = -1;
                for (int k = 0; k < n; k++) if (c.fields().get(k).name().equals(np.name())) idx = k;
                if (idx < 0) { cx.diags.error(np.loc(), "the union case '" + c.name() + "' has no field named '" + np.name() + "'"); continue; }
                out.set(idx, checkPattern(np.pat(), out.get(idx).type(), binds, scope, reuse));
            }
        } else if (!args.isEmpty()) {
            Pat a = args.get(0);
            if (n == 0) {
                cx.diags.error(a.loc(), "the union case '" + c.name() + "' takes no arguments");
            } else if (n == 1) {
                out.set(0, checkPattern(a, out.get(0).type(), binds, scope, reuse));
            } else if (a instanceof Ast.PTuple pt && pt.elems().size() == n) {
                for (int k = 0; k < n; k++) out.set(k, checkPattern(pt.elems().get(k), out.get(k).type(), binds, scope, reuse));
            } else if (a instanceof PWild) {
                // Case _ matches any fields
            } else {
                cx.diags.error(a.loc(), "the union case '" + c.name() + "' has " + n + " fields; match them as a tuple (a, b) or use '_'");
            }
        } else if (n > 0 && args.isEmpty()) {
            cx.diags.error(loc, "the union case '" + c.name() + "' has " + n + " field(s); write '" + c.name() + " _' to ignore them");
        }
        return new Typed.PCase(loc, expected, d, c.index(), out);
    }
}
