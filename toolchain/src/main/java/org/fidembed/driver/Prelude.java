// The prelude compiled with every program: the board's constants (module Fid.Board, generated from
// the profile), the core library, the UART and timer drivers the profile names, and the run-time
// support; and, compiled once per target, the helpers LLVM may call. All of it is F# shipped as
// resources of the toolchain.
package org.fidembed.driver;

import org.fidembed.board.BoardConstant;
import org.fidembed.board.Timer;
import org.fidembed.board.Uart;
import org.fidembed.diag.SourceFile;
import org.fidembed.lower.TargetInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class Prelude {
    private Prelude() { }

    public static List<SourceFile> files(TargetInfo t) { return files(t, Set.of()); }

    /**
     * The prelude of a program whose sources use {@code words} (their identifiers): with module Fid.Device
     * (the peripherals the program names) when it uses {@code Device}.
     */
    public static List<SourceFile> files(TargetInfo t, Set<String> words) {
        List<SourceFile> out = new ArrayList<>();
        out.add(new SourceFile("Fid.Board.fs", boardModule(t), true));
        out.add(resource("Fid.Core.fs"));
        String uart = "uart/" + t.uart().id() + ".fs";
        if (Prelude.class.getResource("/org/fidembed/prelude/" + uart) == null) {
            throw new IllegalArgumentException("board '" + t.boardName() + "' names UART kind '" + t.uart().id() + "', which has no driver");
        }
        out.add(resource(uart));
        t.timer().map(Prelude::timerDriver).ifPresent(timer -> out.add(resource(timer)));
        out.add(resource("Fid.Runtime.fs"));
        out.add(resource("Fid.Math.fs"));
        List<SourceFile> hal = halFiles(t, words);
        Set<String> used = new java.util.HashSet<>(words);
        for (SourceFile f : hal) used.addAll(words(f.text()));
        t.device().apply(used).ifPresent(src -> out.add(new SourceFile("Fid.Device.fs", src, true)));
        out.addAll(hal);
        // a font for small displays, on any board, only for the programs that draw text with it
        if (words.contains("Font5x7")) out.add(resource("Fid.Font5x7.fs"));
        return out;
    }

    /**
     * Namespace Fid.Hal, when the program uses {@code Hal}: the chip's driver of each kind its profile names
     * ([drivers] gpio, spi, i2c: hal/KIND-NAME.fs, after the shared types of hal/pin.fs and hal/bus.fs),
     * Delay from the core timer, Nvic on Cortex-M. Each file is the driver of one family; none names a board.
     */
    private static List<SourceFile> halFiles(TargetInfo t, Set<String> words) {
        List<SourceFile> out = new ArrayList<>();
        if (!words.contains("Hal")) return out;
        if (t.drivers().containsKey("gpio")) out.add(resource("hal/pin.fs"));
        if (t.drivers().containsKey("spi") || t.drivers().containsKey("i2c")) out.add(resource("hal/bus.fs"));
        for (Map.Entry<String, String> d : t.drivers().entrySet()) {
            String name = "hal/" + d.getKey() + "-" + d.getValue() + ".fs";
            if (Prelude.class.getResource("/org/fidembed/prelude/" + name) == null)
                throw new IllegalArgumentException("board '" + t.boardName() + "' names " + d.getKey().toUpperCase(java.util.Locale.ROOT)
                        + " driver '" + d.getValue() + "', which the prelude does not have");
            out.add(resource(name));
        }
        t.timer().ifPresent(timer -> out.add(resource(timer instanceof Timer.SysTick ? "hal/delay-systick.fs" : "hal/delay-clint.fs")));
        if (t.arm()) out.add(resource("hal/nvic-cortex-m.fs"));
        return out;
    }

    /** The identifiers of a text (what {@link #files(TargetInfo, Set)} chooses by). */
    public static Set<String> words(String text) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The Fid.Timer driver of a timer. */
    private static String timerDriver(Timer timer) {
        if (timer instanceof Timer.SysTick) return "timer/systick.fs";
        if (timer instanceof Timer.Clint) return "timer/clint.fs";
        throw new IllegalStateException("no timer driver for " + timer);
    }

    /**
     * What an F# editor (or the F# compiler) needs to type-check a program of this board as ordinary
     * F#, in compilation order, each under the name of its module: the intrinsics the drivers use,
     * Fid.Hardware, the board's Fid.Board, its UART and timer drivers, and Fid.Testing. The bodies
     * the compiler replaces are placeholders there; the core library is F#'s own.
     */
    public static List<SourceFile> editorFiles(TargetInfo t) { return editorFiles(t, Set.of()); }

    /** The same for a program whose sources use {@code words}: with Fid.Device and Fid.Hal as it compiles with them. */
    public static List<SourceFile> editorFiles(TargetInfo t, Set<String> words) {
        List<SourceFile> out = new ArrayList<>();
        out.add(resource("Fid.Intrinsics.fs"));
        out.add(resource("Fid.Hardware.fs"));
        out.add(new SourceFile("Fid.Board.fs", boardModule(t), true));
        for (SourceFile f : files(t, words)) {
            if (f.name().startsWith("uart/")) out.add(new SourceFile("Fid.Uart.fs", f.text(), true));
            if (f.name().startsWith("timer/")) out.add(new SourceFile("Fid.Timer.fs", f.text(), true));
            if (f.name().equals("Fid.Device.fs")) out.add(f);
            if (f.name().startsWith("hal/")) out.add(new SourceFile("Fid.Hal." + halModule(f.name()) + ".fs", f.text(), true));
            if (f.name().equals("Fid.Font5x7.fs")) out.add(f);
        }
        out.add(resource("Fid.Testing.fs"));
        return out;
    }

    /** {@code hal/gpio-pl061.fs} to {@code Gpio}. */
    private static String halModule(String file) {
        String base = file.substring("hal/".length(), file.indexOf('-') > 0 ? file.indexOf('-') : file.length() - 3);
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /**
     * The run-time library's sources: the helpers LLVM calls on its own (memory copies, division,
     * soft float). They depend on no board, so one compiled library serves every board of a target.
     */
    public static List<SourceFile> runtimeLibraryFiles() {
        List<SourceFile> out = new ArrayList<>();
        out.add(resource("Fid.Core.fs"));
        out.add(resource("Fid.Builtins.fs"));
        if (Prelude.class.getResource("/org/fidembed/prelude/Fid.SoftFloat.fs") != null) out.add(resource("Fid.SoftFloat.fs"));
        return out;
    }

    static String boardModule(TargetInfo t) {
        StringBuilder sb = new StringBuilder("/// Constants of board '").append(t.boardName()).append("', from its profile.\nmodule Fid.Board\n");
        for (Map.Entry<String, BoardConstant> e : t.boardConstants().entrySet()) {
            String value = e.getValue().fsharpLiteral();
            // F# has no [<Literal>] of nativeint types; an immutable value is just as constant here
            boolean literal = !value.matches("-?[0-9xXa-fA-F_]+u?n");
            sb.append('\n');
            if (literal) sb.append("[<Literal>]\n");
            sb.append("let ").append(e.getKey()).append(" = ").append(value).append('\n');
        }
        // the profile's [uart] setup: what a real chip needs before its UART works (clock gate, pin function)
        sb.append("\n/// Register writes before the UART driver's init (profile [uart] setup).\nlet uartSetup () =\n");
        registerWrites(sb, t.uartSetup());
        // the profile's [timer] setup (a CLINT-style timer that must be switched on first)
        List<Uart.RegisterWrite> timerSetup = t.timer().orElse(null) instanceof Timer.Clint c ? c.setup() : List.of();
        sb.append("\n/// Register writes before Fid.Timer.start programs the timer (profile [timer] setup).\nlet timerSetup () =\n");
        registerWrites(sb, timerSetup);
        return sb.toString();
    }

    private static void registerWrites(StringBuilder sb, List<Uart.RegisterWrite> writes) {
        for (Uart.RegisterWrite w : writes) {
            String addr = String.format("0x%08Xun", w.address());
            if (w.clear() == 0) {
                sb.append(String.format("    Fid.Hardware.Mmio.write32 %s (Fid.Hardware.Mmio.read32 %s ||| 0x%08Xu)%n", addr, addr, w.set()));
            } else {
                sb.append(String.format("    Fid.Hardware.Mmio.write32 %s ((Fid.Hardware.Mmio.read32 %s &&& 0x%08Xu) ||| 0x%08Xu)%n", addr, addr,
                        ~w.clear() & 0xFFFF_FFFFL, w.set()));
            }
        }
        sb.append("    ()\n");
    }

    private static SourceFile resource(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream("/org/fidembed/prelude/" + name)) {
            if (in == null) throw new IllegalStateException("missing prelude file " + name);
            return new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prelude file " + name, e);
        }
    }
}
