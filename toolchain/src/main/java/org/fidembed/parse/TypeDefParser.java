// Parses type definitions: records (fields aligned or `;`-separated, Stroustrup braces), unions and
// enums (cases one per line or on one line), abbreviations and units of measure, and their members
// (instance and static, properties with get/set, operators), in the body or in a `with` block.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class TypeDefParser {
    private final TokenCursor c;
    private final TypeParser types;
    private final PatternParser pats;
    private final ExprParser exprs;
    DeclParser decls;

    TypeDefParser(TokenCursor c, TypeParser types, PatternParser pats, ExprParser exprs) {
        this.c = c;
        this.types = types;
        this.pats = pats;
        this.exprs = exprs;
    }

    Decl typeDecl(List<Attribute> attrs) {
        Token typeTok = c.advance();
        List<TypeDef> defs = new ArrayList<>();
        defs.add(typeDef(attrs));
        while (c.acceptKw("and")) defs.add(typeDef(decls.attributes()));
        return new TypeDecl(typeTok.loc(), defs);
    }

    private TypeDef typeDef(List<Attribute> outer) {
        List<Attribute> attrs = new ArrayList<>(outer);
        attrs.addAll(decls.attributes());
        Access acc = decls.access();
        Token nameTok = c.peek();
        String name = c.expectIdent("a type name");
        List<String> tps = typeParams();
        if (c.atSym("(") || c.atSym(":")) {
            skipDefinition(0);
            return unsupported(nameTok, name, attrs, Rejections.CLASSES);
        }
        if (!c.atSym("=")) return new AbstractDef(nameTok.loc(), name, tps, attrs, null);
        c.advance();
        boolean block = c.acceptVirtual(BLOCK_BEGIN);
        Token first = c.peek();
        if (isClassKeyword(first)) {
            skipDefinition(block ? 1 : 0);
            return unsupported(nameTok, name, attrs, Rejections.CLASSES);
        }
        if (kw(first, "delegate")) {
            skipDefinition(block ? 1 : 0);
            return unsupported(nameTok, name, attrs, "delegates are not supported by fid-embed");
        }
        if (kw(first, "member") || kw(first, "static")) {
            // members alone, without a representation: that is a class in F#
            skipDefinition(block ? 1 : 0);
            return unsupported(nameTok, name, attrs, Rejections.CLASSES);
        }
        TypeDef def = representation(nameTok, name, tps, attrs, acc, first);
        List<MemberDef> members = new ArrayList<>();
        while (block && c.acceptSeps()) {
            if (c.atVirtual(BLOCK_END)) break;
            members.add(member());
        }
        if (block) c.expectBlockEnd("the definition of type '" + name + "'");
        if (c.atKw("with")) members.addAll(augmentation());
        return withMembers(def, members);
    }

    private static boolean isClassKeyword(Token t) {
        if (t.kind() != Kind.KEYWORD) return false;
        return switch (t.text()) {
            case "class", "interface", "inherit", "abstract", "new", "val", "override", "default" -> true;
            default -> false;
        };
    }

    private TypeDef representation(Token nameTok, String name, List<String> tps, List<Attribute> attrs, Access acc, Token first) {
        if (sym(first, "{")) return recordDef(nameTok, name, tps, attrs, acc);
        if (sym(first, "|") || (first.kind() == Kind.IDENT && Character.isUpperCase(first.text().charAt(0))
                && (kw(c.peek(1), "of") || sym(c.peek(1), "|") || (sym(c.peek(1), "=") && isEnumValueAt(2))))) {
            return unionOrEnum(nameTok, name, tps, attrs, acc);
        }
        TypeExpr t = isMeasure(attrs) ? measure() : types.type();
        if (isMeasure(attrs)) return new AbstractDef(nameTok.loc(), name, tps, attrs, t);
        return new AbbrevDef(nameTok.loc(), name, tps, attrs, t);
    }

    private static boolean isMeasure(List<Attribute> attrs) {
        for (Attribute a : attrs) if (a.name().equals("Measure")) return true;
        return false;
    }

    /** The right side of a measure abbreviation: kg m / s^2, 1/s. */
    private TypeExpr measure() {
        TypeExpr t = types.appType();
        while (true) {
            if (c.atSym("/")) { Token s = c.advance(); t = new TMeasureQuot(s.loc(), t, types.appType()); }
            else if (c.atSym("*")) { c.advance(); t = new TTupleT(t.loc(), List.of(t, types.appType()), false); }
            else if (c.peek().kind() == Kind.IDENT || c.peek().kind() == Kind.TYVAR) t = new TTupleT(t.loc(), List.of(t, types.appType()), false);
            else return t;
        }
    }

    private TypeDef withMembers(TypeDef d, List<MemberDef> members) {
        if (members.isEmpty()) return d;
        if (d instanceof RecordDef r) return new RecordDef(r.loc(), r.name(), r.typeParams(), r.attrs(), r.access(), r.fields(), members);
        if (d instanceof UnionDef u) return new UnionDef(u.loc(), u.name(), u.typeParams(), u.attrs(), u.access(), u.cases(), members);
        c.diags.error(members.get(0).loc(), "members are allowed on records and unions only");
        return d;
    }

    /** <'T, 'U> after a type's name (or a postfix 'T). */
    private List<String> typeParams() {
        List<String> tps = new ArrayList<>();
        Token t = c.peek();
        if (t.kind() == Kind.OP && t.text().startsWith("<")) {
            if (!t.text().equals("<")) c.splitFirst(t, 1);
            c.advance();
            while (c.peek().kind() == Kind.TYVAR || sym(c.peek(), "^")) {
                if (c.acceptSym("^")) tps.add(c.expectIdent("a type parameter"));
                else tps.add(c.advance().text());
                if (!c.acceptSym(",")) break;
            }
            if (c.atKw("when")) while (!c.atEof() && !(c.peek().kind() == Kind.OP && c.peek().text().startsWith(">"))) c.advance();
            types.closeAngle();
        } else if (t.kind() == Kind.TYVAR) {
            tps.add(c.advance().text());
        }
        return tps;
    }

    private boolean isEnumValueAt(int k) {
        Token t = c.peek(k);
        return t.kind() == Kind.INT || t.kind() == Kind.CHAR || (sym(t, "-") && c.peek(k + 1).kind() == Kind.INT);
    }

    private TypeDef unsupported(Token nameTok, String name, List<Attribute> attrs, String msg) {
        c.diags.error(nameTok.loc(), msg);
        return new AbbrevDef(nameTok.loc(), name, List.of(), attrs, new TAnyT(nameTok.loc()));
    }

    /** Skips the rest of this type's definition; level: how many of its blocks are already open. */
    private void skipDefinition(int level) {
        while (!c.atEof()) {
            Token t = c.peek();
            if (t.isVirtual(BLOCK_BEGIN)) level++;
            else if (t.isVirtual(BLOCK_END)) { if (level == 0) return; level--; if (level == 0) { c.advance(); if (!c.atKw("with")) return; continue; } }
            else if (level == 0 && (t.isVirtual(BLOCK_SEP) || kw(t, "and"))) return;
            c.advance();
        }
    }

    // ---------------------------------------------------------------- records and unions

    private RecordDef recordDef(Token nameTok, String name, List<String> tps, List<Attribute> attrs, Access acc) {
        c.expectSym("{");
        List<FieldDef> fields = new ArrayList<>();
        while (!c.atSym("}")) {
            boolean mut = c.acceptKw("mutable");
            Token f = c.peek();
            String fname = c.expectIdent("a field name");
            c.expectSym(":");
            fields.add(new FieldDef(f.loc(), fname, mut, types.type()));
            if (!c.acceptSeps()) break;
        }
        c.expectSym("}");
        return new RecordDef(nameTok.loc(), name, tps, attrs, acc, fields, List.of());
    }

    private TypeDef unionOrEnum(Token nameTok, String name, List<String> tps, List<Attribute> attrs, Access acc) {
        List<CaseDef> cases = new ArrayList<>();
        List<EnumCase> enumCases = new ArrayList<>();
        c.acceptSym("|");
        while (true) {
            decls.attributes();
            Token cn = c.peek();
            String cname = c.expectIdent("a union case name");
            if (c.acceptSym("=")) enumCases.add(new EnumCase(cn.loc(), cname, enumValue()));
            else cases.add(new CaseDef(cn.loc(), cname, caseFields()));
            if (c.acceptSym("|")) continue;
            break;
        }
        if (!enumCases.isEmpty()) {
            if (!cases.isEmpty()) c.diags.error(nameTok.loc(), "a type cannot mix enum cases (Name = value) and union cases");
            return new EnumDef(nameTok.loc(), name, tps, attrs, acc, enumCases);
        }
        return new UnionDef(nameTok.loc(), name, tps, attrs, acc, cases, List.of());
    }

    private List<CaseField> caseFields() {
        List<CaseField> fields = new ArrayList<>();
        if (!c.acceptKw("of")) return fields;
        while (true) {
            Token ft = c.peek();
            String fname = null;
            if (ft.kind() == Kind.IDENT && sym(c.peek(1), ":")) { fname = ft.text(); c.advance(); c.advance(); }
            fields.add(new CaseField(ft.loc(), fname, types.appType()));
            if (c.acceptSym("*")) continue;
            break;
        }
        return fields;
    }

    private Literal enumValue() {
        Token t = c.peek();
        boolean neg = false;
        if (sym(t, "-")) { c.advance(); neg = true; t = c.peek(); }
        Literal l = Literals.of(t, neg);
        if (l == null) throw c.error(t, "expected a literal but found " + c.describe(t));
        c.advance();
        return l;
    }

    // ---------------------------------------------------------------- members

    /** with OBLOCKBEGIN members OBLOCKEND [end]: members added after the representation. */
    private List<MemberDef> augmentation() {
        c.advance();
        List<MemberDef> members = new ArrayList<>();
        if (c.acceptVirtual(BLOCK_BEGIN)) {
            while (!c.atVirtual(BLOCK_END) && !c.atEof()) {
                if (c.acceptSeps()) continue;
                members.add(member());
            }
            c.expectBlockEnd("this 'with' block");
        }
        c.acceptKw("end");
        c.acceptVirtual(DECL_END);
        return members;
    }

    /** [static] member [inline] [access] (self.Name | Name | (op)) params [: type] = body, or a property with get/set. */
    private MemberDef member() {
        List<Attribute> attrs = decls.attributes();
        Token start = c.peek();
        boolean isStatic = c.acceptKw("static");
        if (!c.atKw("member")) {
            Token t = c.peek();
            if (isClassKeyword(t) || kw(t, "interface") || kw(t, "let") || kw(t, "do")) throw c.error(t, Rejections.CLASSES);
            throw c.error(t, "expected 'member' but found " + c.describe(t));
        }
        c.advance();
        boolean inline = c.acceptKw("inline");
        Access acc = decls.access();
        if (c.acceptKw("inline")) inline = true;
        String self = null;
        Token nameTok;
        String name;
        if (c.atSym("(") && (c.peek(1).kind() == Kind.OP) && sym(c.peek(2), ")")) {
            c.advance();
            nameTok = c.advance();
            name = nameTok.text();
            c.advance();
        } else {
            Token first = c.peek();
            String a = c.expectIdent("a member name");
            if (c.acceptSym(".")) {
                self = a;
                nameTok = c.peek();
                name = c.expectIdent("a member name");
            } else { nameTok = first; name = a; }
        }
        if (self != null && isStatic) c.diags.error(nameTok.loc(), "a static member has no self identifier: write 'static member " + name + "'");
        if (self == null && !isStatic) throw c.error(nameTok, "an instance member needs a self identifier: write 'member this." + name + "'");
        List<Pat> params = new ArrayList<>();
        while (pats.startsAtomic(c.peek())) params.add(pats.atomic());
        if (c.atKw("with")) return property(attrs, start.loc(), isStatic, acc, inline, self, name, nameTok.loc());
        TypeExpr ret = c.acceptSym(":") ? types.typeWithConstraints() : null;
        c.expectSym("=");
        Expr body = exprs.block("the body of member '" + name + "'");
        c.acceptVirtual(DECL_END);
        return new MemberDef(start.loc(), attrs, isStatic, acc, inline, self, name, nameTok.loc(), params, ret, body, null);
    }

    /** member this.X with get () = ... and set v = ...: the getter is the body, the setter apart. */
    private MemberDef property(List<Attribute> attrs, Loc loc, boolean isStatic, Access acc, boolean inline, String self, String name, Loc nameLoc) {
        c.expectKw("with");
        Expr getter = null;
        Setter setter = null;
        List<Pat> getParams = List.of();
        TypeExpr ret = null;
        while (true) {
            Token which = c.peek();
            String w = c.expectIdent("'get' or 'set'");
            List<Pat> ps = new ArrayList<>();
            while (pats.startsAtomic(c.peek())) ps.add(pats.atomic());
            TypeExpr t = c.acceptSym(":") ? types.type() : null;
            c.expectSym("=");
            Expr body = c.atVirtual(BLOCK_BEGIN) ? exprs.block("this accessor") : exprs.declExpr();
            switch (w) {
                case "get" -> { getter = body; getParams = ps; ret = t; }
                case "set" -> setter = new Setter(which.loc(), ps, body);
                default -> throw c.error(which, "expected 'get' or 'set' but found '" + w + "'");
            }
            if (!c.acceptKw("and")) break;
        }
        c.acceptVirtual(END);
        c.acceptVirtual(DECL_END);
        if (getter == null) throw c.error(c.peek(), "a property with only a setter is not supported; add 'get'");
        boolean unitGetter = getParams.size() == 1 && getParams.get(0) instanceof PConst pc && pc.lit() instanceof UnitLit;
        if (!getParams.isEmpty() && !unitGetter) c.diags.error(nameLoc, "indexed properties are not supported yet");
        return new MemberDef(loc, attrs, isStatic, acc, inline, self, name, nameLoc, List.of(), ret, getter, setter);
    }
}
