// A faithful STM32 USART bootloader (AN3155) on the far end of a pseudo-terminal: sync, Get, Get Version,
// Get ID, Read, Write (NOR semantics: bits only go 1→0), Erase/Extended Erase, Go; wire timing and faults.
package org.fidembed.flasher.sim;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.fidembed.flasher.LineMode;

public final class BootloaderSimulator implements AutoCloseable {
    public static final int ACK = 0x79;
    public static final int NACK = 0x1F;
    public static final int BUSY = 0x76;

    public record Config(
            String name,
            int chipId,
            int version,
            List<Integer> commands,
            long flashOrigin,
            int flashSize,
            int pageSize,
            long ramOrigin,
            int ramSize,
            int baud,
            LineMode line,
            Duration eraseTimePerPage,
            Duration programTimePerBlock,
            Duration bootTime,
            int noiseBytes,
            long seed,
            List<Fault> faults,
            long sizeRegister,
            int sizeValue) {

        public Config {
            commands = List.copyOf(commands);
            faults = List.copyOf(faults);
        }

        /**
         * STM32F103C8 ("blue pill"): 64 KiB at 0x08000000 in 1 KiB pages, bootloader 2.2 with the V2.2 Get list
         * (Erase 0x43), F_SIZE = 64 at 0x1FFFF7E0.
         */
        public static Config stm32f103(int baud) {
            return new Config("STM32F103", 0x410, 0x22, List.of(0x00, 0x01, 0x02, 0x11, 0x21, 0x31, 0x43, 0x63, 0x73, 0x82, 0x92),
                    0x0800_0000L, 64 * 1024, 1024, 0x2000_0000L, 20 * 1024, baud, LineMode.LINE_8N1,
                    Duration.ofMillis(2), Duration.ZERO, Duration.ZERO, 0, 1, List.of(), 0x1FFF_F7E0L, 64);
        }

        /**
         * GD32VF103CB (Longan Nano): 128 KiB in 1 KiB pages, the same Get ID (0x410) but bootloader 3.0, slower
         * erase, and the density register at 0x1FFFF7E0: 128 KiB flash, 32 KiB SRAM.
         */
        public static Config gd32vf103(int baud) {
            return new Config("GD32VF103", 0x410, 0x30, List.of(0x00, 0x01, 0x02, 0x11, 0x21, 0x31, 0x43, 0x63, 0x73, 0x82, 0x92),
                    0x0800_0000L, 128 * 1024, 1024, 0x2000_0000L, 32 * 1024, baud, LineMode.LINE_8N1,
                    Duration.ofMillis(5), Duration.ZERO, Duration.ZERO, 0, 2, List.of(), 0x1FFF_F7E0L, 128 | 32 << 16);
        }

        /** Another Get list (a bootloader with Extended Erase 0x44, say). */
        public Config withCommands(Integer... c) {
            return new Config(name, chipId, version, List.of(c), flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, line,
                    eraseTimePerPage, programTimePerBlock, bootTime, noiseBytes, seed, faults, sizeRegister, sizeValue);
        }

        public Config withFaults(Fault... f) {
            return new Config(name, chipId, version, commands, flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, line,
                    eraseTimePerPage, programTimePerBlock, bootTime, noiseBytes, seed, List.of(f), sizeRegister, sizeValue);
        }

        public Config withChipId(int id) {
            return new Config(name, id, version, commands, flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, line,
                    eraseTimePerPage, programTimePerBlock, bootTime, noiseBytes, seed, faults, sizeRegister, sizeValue);
        }

        public Config withTiming(Duration erasePerPage, Duration programPerBlock) {
            return new Config(name, chipId, version, commands, flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, line,
                    erasePerPage, programPerBlock, bootTime, noiseBytes, seed, faults, sizeRegister, sizeValue);
        }

        public Config withNoise(Duration boot, int bytes) {
            return new Config(name, chipId, version, commands, flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, line,
                    eraseTimePerPage, programTimePerBlock, boot, bytes, seed, faults, sizeRegister, sizeValue);
        }

        public Config withLine(LineMode l) {
            return new Config(name, chipId, version, commands, flashOrigin, flashSize, pageSize, ramOrigin, ramSize, baud, l,
                    eraseTimePerPage, programTimePerBlock, bootTime, noiseBytes, seed, faults, sizeRegister, sizeValue);
        }
    }

    private final Config cfg;
    private final SerialPort port;
    private final byte[] flash;
    private final byte[] initialFlash;
    private final byte[] ram;
    private final long byteNanos;
    private final Map<Integer, Integer> occurrences = new HashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Runnable pullCable;
    private final Thread thread;
    private final Random random;
    private volatile boolean hung;
    private volatile boolean readoutProtected;
    private volatile Long goAddress;
    private volatile byte[] afterGo = new byte[0];
    private volatile Throwable crash;
    private int flashWrites;
    private final List<long[]> persistentDamage = new ArrayList<>();

    // receive buffer with the time each bulk arrived, for the wire-time model
    private final byte[] rx = new byte[4096];
    private int rxPos;
    private int rxLen;
    private long rxArrival;
    private long rxFree;
    private long txFree;

    private BootloaderSimulator(Config cfg, String simPath, Runnable pullCable) {
        this.cfg = cfg;
        this.pullCable = pullCable;
        this.random = new Random(cfg.seed());
        this.flash = new byte[cfg.flashSize()];
        // a previous firmware: every page holds non-erased bytes, so an erase (or its absence) shows
        Random old = new Random(cfg.seed() * 7919);
        old.nextBytes(flash);
        this.initialFlash = flash.clone();
        this.ram = new byte[cfg.ramSize()];
        this.byteNanos = cfg.line().wireNanos(cfg.baud(), 1);
        this.port = SerialPort.getCommPort(simPath);
        port.setComPortParameters(cfg.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("simulator cannot open " + simPath);
        }
        this.thread = new Thread(this::run, "bootloader-sim");
        thread.setDaemon(true);
    }

    /** Starts a simulator on simPath; pullCable is what a PullCable fault runs (killing socat). */
    public static BootloaderSimulator start(Config cfg, String simPath, Runnable pullCable) {
        BootloaderSimulator s = new BootloaderSimulator(cfg, simPath, pullCable);
        s.thread.start();
        return s;
    }

    /** A copy of the flash contents. */
    public byte[] flash() {
        synchronized (flash) {
            return flash.clone();
        }
    }

    public byte[] flash(long address, int len) {
        synchronized (flash) {
            int off = (int) (address - cfg.flashOrigin());
            return Arrays.copyOfRange(flash, off, off + len);
        }
    }

    /** What flash held before the flasher arrived (a previous firmware). */
    public byte[] initialFlash() {
        return initialFlash.clone();
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public Long goAddress() {
        return goAddress;
    }

    public Throwable crash() {
        return crash;
    }

    public Config config() {
        return cfg;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }

    // ------------------------------------------------------------------ protocol

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private void run() {
        try {
            boot();
            while (running.get()) {
                int c = read();
                if (hung) {
                    continue;
                }
                int x = read();
                if (x != (~c & 0xFF)) {
                    send(NACK);
                    continue;
                }
                int occ = occurrences.merge(c, 1, Integer::sum);
                if (faultHang(c, occ)) {
                    hung = true;
                    log.add("HANG " + hex(c));
                    continue;
                }
                if (!cfg.commands().contains(c) || fault(Fault.Nack.class, c, occ) != null
                    || (readoutProtected && (c == 0x11 || c == 0x31 || c == 0x21))) {
                    log.add("NACK " + hex(c));
                    send(NACK);
                    continue;
                }
                command(c, occ);
            }
        } catch (Stop s) {
            // cable pulled or closed
        } catch (Throwable t) {
            crash = t;
        }
    }

    private void boot() {
        if (cfg.bootTime().isZero() && cfg.noiseBytes() == 0) {
            waitSync();
            return;
        }
        // reset: the first byte from the host starts the clock; until bootTime passes the chip is still
        // running its old application, which prints noise, and nothing it receives reaches the bootloader
        read();
        long end = System.nanoTime() + cfg.bootTime().toNanos();
        byte[] noise = new byte[cfg.noiseBytes()];
        random.nextBytes(noise);
        if (noise.length > 2) {
            noise[noise.length / 3] = (byte) ACK; // noise that looks like an ACK must not fool the host
            noise[noise.length / 2] = (byte) NACK;
        }
        long gap = noise.length == 0 ? 0 : cfg.bootTime().toNanos() / (noise.length + 1);
        for (byte b : noise) {
            sleepUntil(System.nanoTime() + gap);
            send(b & 0xFF);
            discardPending();
        }
        while (System.nanoTime() < end) {
            sleepUntil(Math.min(end, System.nanoTime() + 1_000_000));
            discardPending();
        }
        log.add("BOOTED");
        waitSync();
    }

    private void waitSync() {
        while (read() != 0x7F) {
            // autobaud only locks on 0x7F
        }
        log.add("SYNC");
        send(ACK);
    }

    private void command(int c, int occ) {
        switch (c) {
            case 0x00 -> {
                ack(c, occ, Fault.Stage.COMMAND);
                byte[] r = new byte[2 + cfg.commands().size()];
                r[0] = (byte) cfg.commands().size();
                r[1] = (byte) cfg.version();
                for (int i = 0; i < cfg.commands().size(); i++) {
                    r[2 + i] = (byte) (int) cfg.commands().get(i);
                }
                send(r);
                ack(c, occ, Fault.Stage.FINAL);
                log.add("GET");
            }
            case 0x01 -> {
                ack(c, occ, Fault.Stage.COMMAND);
                send(new byte[] {(byte) cfg.version(), 0, 0});
                ack(c, occ, Fault.Stage.FINAL);
                log.add("GET_VERSION");
            }
            case 0x02 -> {
                ack(c, occ, Fault.Stage.COMMAND);
                send(new byte[] {1, (byte) (cfg.chipId() >> 8), (byte) cfg.chipId()});
                ack(c, occ, Fault.Stage.FINAL);
                log.add("GET_ID");
            }
            case 0x11 -> readMemory(c, occ);
            case 0x31 -> writeMemory(c, occ);
            case 0x43 -> erase(c, occ);
            case 0x44 -> extendedErase(c, occ);
            case 0x21 -> go(c, occ);
            case 0x82, 0x92, 0x73 -> protection(c, occ);
            default -> {
                // listed but not modelled (write/readout protection): refuse like a protected part
                log.add("NACK " + hex(c));
                send(NACK);
            }
        }
    }

    /** Readout protect / unprotect (a mass erase), write unprotect: ACK, the work, ACK, then the chip resets. */
    private void protection(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        if (c == 0x92) {
            synchronized (flash) {
                Arrays.fill(flash, (byte) 0xFF);
            }
        }
        readoutProtected = c == 0x82;
        log.add(c == 0x82 ? "READOUT_PROTECT" : c == 0x92 ? "READOUT_UNPROTECT" : "WRITE_UNPROTECT");
        ack(c, occ, Fault.Stage.FINAL);
        waitSync(); // the reset: the host must sync again
    }

    public boolean readoutProtected() {
        return readoutProtected;
    }

    private void readMemory(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        long addr = readAddress();
        if (addr < 0) {
            send(NACK);
            return;
        }
        ack(c, occ, Fault.Stage.ADDRESS);
        int n = read();
        int nc = read();
        if (nc != (~n & 0xFF) || !readable(addr, n + 1)) {
            send(NACK);
            return;
        }
        ack(c, occ, Fault.Stage.FINAL);
        byte[] out = new byte[n + 1];
        synchronized (flash) {
            for (int i = 0; i <= n; i++) {
                out[i] = peek(addr + i);
            }
        }
        send(out);
        log.add("READ " + hex(addr) + " " + (n + 1));
    }

    private void writeMemory(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        long addr = readAddress();
        if (addr < 0 || (addr & 3) != 0) {
            send(NACK);
            return;
        }
        ack(c, occ, Fault.Stage.ADDRESS);
        int n = read();
        byte[] data = new byte[n + 1];
        int cs = n;
        for (int i = 0; i <= n; i++) {
            data[i] = (byte) read();
            cs ^= data[i] & 0xFF;
        }
        int sent = read();
        if (sent != cs || ((n + 1) & 3) != 0 || !writable(addr, n + 1)) {
            log.add("WRITE-NACK " + hex(addr));
            send(NACK);
            return;
        }
        boolean toFlash = inFlash(addr, n + 1);
        synchronized (flash) {
            for (int i = 0; i <= n; i++) {
                poke(addr + i, data[i]);
            }
        }
        if (toFlash) {
            flashWrites++;
            delay(cfg.programTimePerBlock());
            damage(addr, data);
            log.add("WRITE " + hex(addr) + " " + (n + 1));
            for (Fault f : cfg.faults()) {
                if (f instanceof Fault.PullCable p && p.afterWrites() == flashWrites) {
                    log.add("PULL");
                    pullCable.run();
                    throw new Stop();
                }
            }
        }
        busy(c, occ);
        ack(c, occ, Fault.Stage.FINAL);
    }

    private void damage(long addr, byte[] data) {
        for (Fault f : cfg.faults()) {
            if (!(f instanceof Fault.CorruptWrite cw)) {
                continue;
            }
            boolean hit = cw.occurrence() == flashWrites;
            if (!hit && cw.persistent()) {
                for (long[] d : persistentDamage) {
                    hit |= d[0] == addr;
                }
            }
            if (!hit) {
                continue;
            }
            if (cw.persistent() && persistentDamage.stream().noneMatch(d -> d[0] == addr)) {
                persistentDamage.add(new long[] {addr});
            }
            synchronized (flash) {
                int off = (int) (addr - cfg.flashOrigin());
                switch (cw.damage()) {
                    case WEAK_BIT -> {
                        for (int i = 0; i < data.length; i++) {
                            if (data[i] != (byte) 0xFF) {
                                int zero = Integer.numberOfTrailingZeros(~data[i] & 0xFF);
                                flash[off + i] |= (byte) (1 << zero);
                                log.add("CORRUPT " + hex(addr + i) + " weak bit " + zero);
                                return;
                            }
                        }
                    }
                    case STUCK_ZERO -> {
                        for (int i = 0; i < data.length; i++) {
                            if (data[i] != 0) {
                                int one = Integer.numberOfTrailingZeros(data[i] & 0xFF);
                                flash[off + i] &= (byte) ~(1 << one);
                                log.add("CORRUPT " + hex(addr + i) + " stuck bit " + one);
                                return;
                            }
                        }
                    }
                }
            }
        }
    }

    private void erase(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        int n = read();
        List<Integer> pages = new ArrayList<>();
        if (n == 0xFF) {
            int cs = read();
            if (cs != 0x00) {
                send(NACK);
                return;
            }
            for (int p = 0; p < cfg.flashSize() / cfg.pageSize(); p++) {
                pages.add(p);
            }
        } else {
            int cs = n;
            for (int i = 0; i <= n; i++) {
                int p = read();
                pages.add(p);
                cs ^= p;
            }
            if (read() != cs) {
                send(NACK);
                return;
            }
        }
        doErase(c, occ, pages, "ERASE");
    }

    private void extendedErase(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        int hi = read();
        int lo = read();
        int n = hi << 8 | lo;
        List<Integer> pages = new ArrayList<>();
        if (n >= 0xFFF0) {
            int cs = read();
            if (cs != (hi ^ lo) || n != 0xFFFF) {
                send(NACK);
                return;
            }
            for (int p = 0; p < cfg.flashSize() / cfg.pageSize(); p++) {
                pages.add(p);
            }
        } else {
            int cs = hi ^ lo;
            for (int i = 0; i <= n; i++) {
                int ph = read();
                int pl = read();
                pages.add(ph << 8 | pl);
                cs ^= ph ^ pl;
            }
            if (read() != cs) {
                send(NACK);
                return;
            }
        }
        doErase(c, occ, pages, "EXT_ERASE");
    }

    private void doErase(int c, int occ, List<Integer> pages, String what) {
        int count = cfg.flashSize() / cfg.pageSize();
        for (int p : pages) {
            if (p < 0 || p >= count) {
                send(NACK);
                return;
            }
        }
        Fault.Busy busy = (Fault.Busy) fault(Fault.Busy.class, c, occ);
        long work = cfg.eraseTimePerPage().toNanos() * pages.size();
        long end = System.nanoTime() + work;
        if (busy != null) {
            // a bootloader that reports progress: BUSY while the erase runs
            for (int i = 0; i < busy.count(); i++) {
                sleepUntil(System.nanoTime() + busy.intervalMillis() * 1_000_000);
                send(BUSY);
            }
        }
        sleepUntil(end);
        synchronized (flash) {
            for (int p : pages) {
                Arrays.fill(flash, p * cfg.pageSize(), (p + 1) * cfg.pageSize(), (byte) 0xFF);
            }
        }
        log.add(what + " " + pages);
        ack(c, occ, Fault.Stage.FINAL);
    }

    private void go(int c, int occ) {
        ack(c, occ, Fault.Stage.COMMAND);
        long addr = readAddress();
        if (addr < 0) {
            send(NACK);
            return;
        }
        // recorded before the final ACK: the flasher returns as soon as it has that ACK, and a test
        // then reads goAddress (set after it, a loaded machine let the test read null)
        goAddress = addr;
        log.add("GO " + hex(addr));
        ack(c, occ, Fault.Stage.FINAL);
        hung = true; // the application runs now; the bootloader hears nothing more
        if (afterGo.length > 0) {
            sleepUntil(System.nanoTime() + 300_000_000L); // the application boots, then prints
            send(afterGo);
        }
    }

    /** What the started application prints on the UART after Go (for flash --monitor). */
    public void printAfterGo(byte[] output) {
        afterGo = output.clone();
    }

    private void busy(int c, int occ) {
        Fault.Busy busy = (Fault.Busy) fault(Fault.Busy.class, c, occ);
        if (busy != null) {
            for (int i = 0; i < busy.count(); i++) {
                sleepUntil(System.nanoTime() + busy.intervalMillis() * 1_000_000);
                send(BUSY);
            }
        }
    }

    private void ack(int c, int occ, Fault.Stage stage) {
        for (Fault f : cfg.faults()) {
            if (f instanceof Fault.LoseAck l && l.command() == c && l.stage() == stage
                    && (l.occurrence() == 0 || l.occurrence() == occ)) {
                log.add("LOST-ACK " + hex(c) + " " + stage);
                return;
            }
        }
        send(ACK);
    }

    private Fault fault(Class<? extends Fault> kind, int c, int occ) {
        for (Fault f : cfg.faults()) {
            if (kind.isInstance(f)) {
                if (f instanceof Fault.Nack n && n.command() == c && (n.occurrence() == 0 || n.occurrence() == occ)) {
                    return f;
                }
                if (f instanceof Fault.Busy b && b.command() == c && (b.occurrence() == 0 || b.occurrence() == occ)) {
                    return f;
                }
            }
        }
        return null;
    }

    private boolean faultHang(int c, int occ) {
        for (Fault f : cfg.faults()) {
            if (f instanceof Fault.Hang h && h.command() == c && h.occurrence() == occ) {
                return true;
            }
        }
        return false;
    }

    private long readAddress() {
        int b0 = read();
        int b1 = read();
        int b2 = read();
        int b3 = read();
        int cs = read();
        if (cs != (b0 ^ b1 ^ b2 ^ b3)) {
            return -1;
        }
        return ((long) b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
    }

    // ------------------------------------------------------------------ memory map

    private boolean inFlash(long addr, int len) {
        return addr >= cfg.flashOrigin() && addr + len <= cfg.flashOrigin() + cfg.flashSize();
    }

    private boolean inRam(long addr, int len) {
        return addr >= cfg.ramOrigin() && addr + len <= cfg.ramOrigin() + cfg.ramSize();
    }

    private boolean readable(long addr, int len) {
        return inFlash(addr, len) || inRam(addr, len) || inRegister(addr, len);
    }

    private boolean inRegister(long addr, int len) {
        return cfg.sizeRegister() != 0 && addr >= cfg.sizeRegister() && addr + len <= cfg.sizeRegister() + 4;
    }

    private boolean writable(long addr, int len) {
        return inFlash(addr, len) || inRam(addr, len);
    }

    private byte peek(long addr) {
        if (inRegister(addr, 1)) {
            return (byte) (cfg.sizeValue() >>> (8 * (int) (addr - cfg.sizeRegister())));
        }
        return inFlash(addr, 1) ? flash[(int) (addr - cfg.flashOrigin())] : ram[(int) (addr - cfg.ramOrigin())];
    }

    /** Flash programs like NOR: a write can only clear bits. RAM just stores. */
    private void poke(long addr, byte v) {
        if (inFlash(addr, 1)) {
            flash[(int) (addr - cfg.flashOrigin())] &= v;
        } else {
            ram[(int) (addr - cfg.ramOrigin())] = v;
        }
    }

    // ------------------------------------------------------------------ wire model

    /** Next received byte; its wire time is accounted from the moment its bulk arrived. */
    private int read() {
        while (rxPos == rxLen) {
            if (!running.get()) {
                throw new Stop();
            }
            int n = port.readBytes(rx, rx.length);
            if (n < 0) {
                throw new Stop();
            }
            if (n > 0) {
                rxPos = 0;
                rxLen = n;
                rxArrival = System.nanoTime();
            }
        }
        rxFree = Math.max(rxFree, rxArrival) + byteNanos;
        return rx[rxPos++] & 0xFF;
    }

    private void discardPending() {
        int avail = port.bytesAvailable();
        if (avail < 0) {
            throw new Stop();
        }
        if (avail > 0) {
            byte[] sink = new byte[avail];
            port.readBytes(sink, avail);
        }
        rxPos = rxLen = 0;
    }

    private void send(int b) {
        send(new byte[] {(byte) b});
    }

    /** Sends once the request has fully arrived and the bytes would have left the UART at the line rate. */
    private void send(byte[] b) {
        long start = Math.max(Math.max(System.nanoTime(), rxFree), txFree);
        long done = start + b.length * byteNanos;
        sleepUntil(done);
        txFree = done;
        if (port.writeBytes(b, b.length) != b.length) {
            throw new Stop();
        }
    }

    private void delay(Duration d) {
        if (!d.isZero()) {
            sleepUntil(System.nanoTime() + d.toNanos());
        }
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (left > 80_000) {
                LockSupport.parkNanos(left - 60_000); // park overshoots by ~50 us; spin only the rest
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase();
    }
}
