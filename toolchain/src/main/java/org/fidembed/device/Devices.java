// The Fid.Device module of a board: its chip's SVD (a shipped file, or a path) read and generated
// once per board and SVD in this process.
package org.fidembed.device;

import org.fidembed.board.Target;
import org.fidembed.board.svd.Svd;
import org.fidembed.board.svd.SvdReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class Devices {
    private static final Map<String, Svd.Device> SVDS = new ConcurrentHashMap<>();
    private static final Map<String, DeviceModule.Result> MODULES = new ConcurrentHashMap<>();

    private Devices() { }

    /** The board's chip description, if its profile names an SVD file. */
    public static Optional<Svd.Device> svd(Target t) {
        return t.svd().map(Devices::read);
    }

    /** The generated module, if the board's chip has an SVD. */
    public static Optional<DeviceModule.Result> module(Target t) {
        if (t.svd().isEmpty()) return Optional.empty();
        String key = t.name() + "\0" + t.svd().get() + "\0" + t.pins() + "\0" + t.driverNames();
        return Optional.of(MODULES.computeIfAbsent(key, k -> DeviceModule.generate(t.name(), t.svd().get(), read(t.svd().get()), t.pins(), t.driverNames(), p -> true)));
    }

    /**
     * The module a program compiles with: empty unless {@code words} (the identifiers of its sources) has
     * {@code Device}; then with only the peripherals it names (the others cannot change its meaning).
     */
    public static Optional<String> source(Target t, Set<String> words) {
        if (t.svd().isEmpty() || !words.contains("Device")) return Optional.empty();
        return Optional.of(DeviceModule.generate(t.name(), t.svd().get(), read(t.svd().get()), t.pins(), t.driverNames(), words::contains).source());
    }

    private static Svd.Device read(String svd) {
        return SVDS.computeIfAbsent(svd, s -> {
            Path p = Path.of(s);
            if (s.contains("/") && Files.isRegularFile(p)) return SvdReader.read(p);
            return SvdReader.readShipped(s);
        });
    }
}
