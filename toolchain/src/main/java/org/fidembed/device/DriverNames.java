// The other names of a chip's registers and fields that the HAL's drivers use (the chip profile's [drivers.names]:
// the STM32F1 driver's GPIOA.CRL for the GD32VF103's GPIOA.CTL0), checked against the SVD. DeviceModule generates
// each under both names; a register under a driver's name has only the fields named for it.
package org.fidembed.device;

import org.fidembed.board.svd.Svd.Device;
import org.fidembed.board.svd.Svd.Node;
import org.fidembed.board.svd.Svd.Peripheral;
import org.fidembed.board.svd.Svd.Register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class DriverNames {
    static final DriverNames NONE = new DriverNames(Map.of(), Map.of());

    /** The driver's path to the SVD's, PERIPHERAL.REGISTER or PERIPHERAL.REGISTER.FIELD on both sides. */
    private final Map<String, String> names;
    /** A module name the SVD has not, to the peripheral whose registers it holds. */
    private final Map<String, Peripheral> newPeripherals;

    private DriverNames(Map<String, String> names, Map<String, Peripheral> newPeripherals) {
        this.names = names;
        this.newPeripherals = newPeripherals;
    }

    /** The names, checked: each names a register or field of the SVD, and none hides one of the SVD's own. */
    static DriverNames of(Device device, Map<String, String> names) {
        Map<String, Peripheral> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String[] alias = e.getKey().split("\\.");
            String[] svd = e.getValue().split("\\.");
            String what = "[drivers.names] \"" + e.getKey() + "\" = \"" + e.getValue() + "\": ";
            Peripheral p = device.peripheral(svd[0]).orElseThrow(() -> new IllegalArgumentException(what + device.name() + " has no peripheral " + svd[0]));
            Register r = register(p, svd[1]).orElseThrow(() -> new IllegalArgumentException(what + svd[0] + " has no register " + svd[1]));
            Optional<Peripheral> own = device.peripheral(alias[0]);
            if (own.isPresent() && own.get() != p)
                throw new IllegalArgumentException(what + alias[0] + " is another peripheral of " + device.name() + "; a register keeps its peripheral or takes a name the SVD has not");
            if (own.isEmpty()) {
                Peripheral before = added.putIfAbsent(alias[0], p);
                if (before != null && before != p) throw new IllegalArgumentException(what + alias[0] + " already stands for " + before.name());
            }
            if (svd.length == 2) {
                if (own.isPresent() && register(p, alias[1]).isPresent()) throw new IllegalArgumentException(what + alias[0] + " has a register " + alias[1] + " already");
                continue;
            }
            if (r.fields().stream().noneMatch(f -> f.name().equals(svd[2]))) throw new IllegalArgumentException(what + svd[1] + " has no field " + svd[2]);
            String register = alias[0] + "." + alias[1];
            String target = svd[0] + "." + svd[1];
            // a register under a driver's name has the fields named for it only; under its own, all of its own
            if (register.equals(target) && r.fields().stream().anyMatch(f -> f.name().equals(alias[2])))
                throw new IllegalArgumentException(what + svd[1] + " has a field " + alias[2] + " already");
            if (!register.equals(target) && !target.equals(names.get(register)))
                throw new IllegalArgumentException(what + "the register " + register + " must be " + target + " or another name of it");
        }
        return new DriverNames(Map.copyOf(names), added);
    }

    private static Optional<Register> register(Peripheral p, String name) {
        for (Node n : p.registers()) if (n instanceof Register r && r.name().equals(name)) return Optional.of(r);
        return Optional.empty();
    }

    /** The module names of peripherals the SVD has not, in the profile's order. */
    List<String> newPeripherals() { return List.copyOf(newPeripherals.keySet()); }

    Peripheral targetOf(String newPeripheral) { return newPeripherals.get(newPeripheral); }

    /** The drivers' names, in module {@code peripheral}, of register {@code svdRegister} (PERIPHERAL.REGISTER of the SVD). */
    List<String> registerAliases(String peripheral, String svdRegister) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String[] alias = e.getKey().split("\\.");
            if (alias.length == 2 && alias[0].equals(peripheral) && e.getValue().equals(svdRegister)) out.add(alias[1]);
        }
        return out;
    }

    /** The drivers' names of field {@code field} of the register generated as {@code register} (PERIPHERAL.REGISTER). */
    List<String> fieldAliases(String register, String field) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String[] alias = e.getKey().split("\\.");
            if (alias.length == 3 && e.getKey().startsWith(register + ".") && e.getValue().endsWith("." + field)) out.add(alias[2]);
        }
        return out;
    }
}
