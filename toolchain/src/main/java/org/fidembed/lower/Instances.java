// Monomorphisation: each module-level function becomes one IR function per list of type arguments
// it is used with, queued on first use and emitted from the work queue; a `let rec ... and ...`
// group of one result type becomes one function with an entry per member.
package org.fidembed.lower;

import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.TailCalls.TailCtx;
import org.fidembed.lower.TailCalls.TailTarget;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.FunctionBuilder.Linkage;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Instances {
    private Instances() { }

    /** An IR function: its name, parameter types and result type. */
    record Instance(Value name, List<IrType> paramTys, IrType retTy) { }

    static String key(GlobalVal g, List<Type> targs) {
        StringBuilder key = new StringBuilder(g.qualifiedName);
        if (!targs.isEmpty()) {
            key.append('<');
            for (int k = 0; k < targs.size(); k++) { if (k > 0) key.append(','); key.append(Type.show(targs.get(k))); }
            key.append('>');
        }
        return key.toString();
    }

    /** The environment of an instance: the function's type variables bound to its type arguments. */
    static Env envFor(GlobalVal g, List<Type> targs) {
        Map<Type.Var, Type> subst = new IdentityHashMap<>();
        for (int i = 0; i < g.scheme.vars().size() && i < targs.size(); i++) subst.put(g.scheme.vars().get(i), targs.get(i));
        return new Env(subst, null, null, false);
    }

    /** The instance of g for targs, queued for emission when new. */
    static Instance instance(ModuleContext m, GlobalVal g, List<Type> targs) {
        String k = key(g, targs);
        Instance inst = m.instances.get(k);
        if (inst != null) return inst;
        if (mergeableGroup(g)) {
            mergeGroup(m, g.recGroup);
            return m.instances.get(k);
        }
        Env env = envFor(g, targs);
        Typed.Lambda lam = (Typed.Lambda) g.body;
        List<IrType> ptys = new ArrayList<>();
        for (LocalVar p : lam.params()) ptys.add(LType.of(p.type, env));
        IrType rty = LType.of(lam.body().type(), env);
        Value name = g.exportName != null ? Value.plainGlobal(g.exportName) : Value.global(k);
        Instance made = new Instance(name, ptys, rty);
        m.instances.put(k, made);
        m.functionLocs.put(name.symbol(), g.loc);
        m.work.add(() -> emitFunction(m, made, k, lam, env, g));
        return made;
    }

    private static void emitFunction(ModuleContext m, Instance inst, String selfKey, Typed.Lambda lam, Env env, GlobalVal g) {
        Fn f = Fn.in(m);
        List<Value> params = new ArrayList<>();
        List<Value> slots = new ArrayList<>();
        Env e = env;
        for (int i = 0; i < lam.params().size(); i++) {
            IrType ty = inst.paramTys().get(i);
            Value p = FunctionBuilder.param("p" + i, ty);
            params.add(p);
            Value slot = f.hold(p);
            slots.add(slot);
            e = e.with(lam.params().get(i), new Slot(slot, ty));
        }
        // after the parameters' stores, which have no line (as a C compiler's): a breakpoint on the
        // function stops after them, where the debugger reads the parameters from their slots
        f.at(g.loc);
        for (int i = 0; i < lam.params().size(); i++) f.describe(lam.params().get(i), slots.get(i), LType.conc(lam.params().get(i).type, env), i + 1);
        List<String> attrs = attributes(m, g);
        Label loop = f.b().label("body");
        f.b().block(loop);
        TailCalls.lowerTail(f, lam.body(), e, new TailCtx(selfKey, slots, inst.paramTys(), loop, inst.retTy()));
        Linkage linkage = g.exportName != null ? Linkage.EXPORTED : Linkage.INTERNAL;
        m.ir.function(f.b().finish(linkage, inst.retTy(), inst.name(), params, attrs, g.section));
    }

    /** The function attributes a module-level function's annotations ask for. */
    private static List<String> attributes(ModuleContext m, GlobalVal g) {
        List<String> attrs = new ArrayList<>();
        if (g.prelude && g.name.startsWith("panic")) attrs.addAll(List.of("cold", "noinline"));
        if (g.noInline) attrs.add("noinline");
        if (g.exportName != null) attrs.add("\"no-builtins\"");
        if (g.section != null && g.section.startsWith(".ramfunc")) m.usesRamfunc = true;
        return attrs;
    }

    /**
     * A non-generic `let rec f ... and g ...` whose functions return the same type compiles into one
     * IR function with an entry per member, so that tail calls between members are jumps at every
     * optimisation level; each member is a small function that enters it.
     */
    private static boolean mergeableGroup(GlobalVal g) {
        if (g.recGroup == null || g.recGroup.size() < 2) return false;
        IrType ret = null;
        for (GlobalVal m : g.recGroup) {
            if (!m.scheme.vars().isEmpty() || m.inline || !(m.body instanceof Typed.Lambda lam)) return false;
            IrType r = LType.of(Type.resolve(lam.body().type()));
            if (ret == null) ret = r; else if (!ret.equals(r)) return false;
        }
        return true;
    }

    private static void mergeGroup(ModuleContext m, List<GlobalVal> group) {
        Value groupName = Value.global(group.get(0).qualifiedName + ".group");
        List<List<IrType>> ptys = new ArrayList<>();
        IrType rty = LType.of(Type.resolve(((Typed.Lambda) group.get(0).body).body().type()));
        for (GlobalVal g : group) {
            List<IrType> tys = new ArrayList<>();
            for (LocalVar p : ((Typed.Lambda) g.body).params()) tys.add(LType.of(Type.resolve(p.type)));
            ptys.add(tys);
        }
        for (int i = 0; i < group.size(); i++) {
            Value name = Value.global(group.get(i).qualifiedName);
            m.instances.put(key(group.get(i), List.of()), new Instance(name, ptys.get(i), rty));
            m.functionLocs.put(name.symbol(), group.get(i).loc);
        }
        m.work.add(() -> {
            for (int i = 0; i < group.size(); i++) emitMember(m, group, i, groupName, ptys, rty);
            emitGroup(m, group, groupName, ptys, rty);
        });
    }

    /** Member i of a merged group: enters the group function at its own entry (undef for the other members' parameters). */
    private static void emitMember(ModuleContext m, List<GlobalVal> group, int i, Value groupName, List<List<IrType>> ptys, IrType rty) {
        Fn f = Fn.in(m);
        List<Value> params = new ArrayList<>();
        List<Value> args = new ArrayList<>(List.of(Value.i32(i)));
        for (int j = 0; j < group.size(); j++) {
            for (int k = 0; k < ptys.get(j).size(); k++) {
                IrType ty = ptys.get(j).get(k);
                if (j == i) {
                    Value p = FunctionBuilder.param("p" + k, ty);
                    params.add(p);
                    args.add(p);
                } else args.add(Value.undef(ty));
            }
        }
        f.b().ret(f.b().call(rty, groupName, args));
        m.ir.function(f.b().finish(Linkage.INTERNAL, rty, Value.global(group.get(i).qualifiedName), params, List.of(), null));
    }

    /** The group function: its first parameter says which member's body to run. */
    private static void emitGroup(ModuleContext m, List<GlobalVal> group, Value groupName, List<List<IrType>> ptys, IrType rty) {
        Fn f = Fn.in(m);
        Value which = FunctionBuilder.param("which", IrType.I32);
        List<Value> params = new ArrayList<>(List.of(which));
        Map<String, TailTarget> targets = new LinkedHashMap<>();
        List<Env> envs = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int n = 0;
        f.at(group.get(0).loc);
        for (int i = 0; i < group.size(); i++) {
            Typed.Lambda lam = (Typed.Lambda) group.get(i).body;
            Env e = Env.empty();
            List<Value> slots = new ArrayList<>();
            for (int k = 0; k < lam.params().size(); k++) {
                IrType ty = ptys.get(i).get(k);
                Value a = FunctionBuilder.param("a" + (n++), ty);
                params.add(a);
                Value slot = f.hold(a);
                slots.add(slot);
                f.describe(lam.params().get(k), slot, Type.resolve(lam.params().get(k).type), 0); // locals: the members share one function
                e = e.with(lam.params().get(k), new Slot(slot, ty));
            }
            Label label = f.b().label("member");
            labels.add(label);
            envs.add(e);
            targets.put(key(group.get(i), List.of()), new TailTarget(slots, ptys.get(i), label));
        }
        List<FunctionBuilder.Case> cases = new ArrayList<>();
        for (int i = 1; i < group.size(); i++) cases.add(new FunctionBuilder.Case(Value.i32(i), labels.get(i)));
        f.b().switchOn(which, labels.get(0), cases);
        TailCtx tc = new TailCtx(targets, rty);
        for (int i = 0; i < group.size(); i++) {
            f.b().block(labels.get(i));
            TailCalls.lowerTail(f, ((Typed.Lambda) group.get(i).body).body(), envs.get(i), tc);
        }
        m.ir.function(f.b().finish(Linkage.INTERNAL, rty, groupName, params, List.of(), null));
    }
}
