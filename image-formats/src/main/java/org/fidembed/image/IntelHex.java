// Intel HEX (I32HEX) writer and strict reader: 16-byte data records, extended linear address records (04),
// start linear address (05) and end-of-file; CRLF lines laid out as llvm-objcopy -O ihex writes them.
package org.fidembed.image;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

public final class IntelHex {
    private static final int DATA = 0;
    private static final int EOF = 1;
    private static final int EXT_SEGMENT = 2;
    private static final int START_SEGMENT = 3;
    private static final int EXT_LINEAR = 4;
    private static final int START_LINEAR = 5;

    private IntelHex() {}

    /** One record per up to 16 bytes, restarting at every chunk and never crossing a 64 KiB boundary. */
    public static String write(FirmwareImage image) {
        StringBuilder out = new StringBuilder();
        long upper = 0;
        for (Chunk c : image.chunks()) {
            byte[] data = c.data();
            long addr = c.address();
            int off = 0;
            while (off < data.length) {
                if ((addr >>> 16) != upper) {
                    upper = addr >>> 16;
                    record(out, EXT_LINEAR, 0, new byte[] {(byte) (upper >>> 8), (byte) upper}, 0, 2);
                }
                int n = (int) Math.min(Math.min(16, data.length - off), 0x10000 - (addr & 0xFFFF));
                record(out, DATA, (int) (addr & 0xFFFF), data, off, n);
                addr += n;
                off += n;
            }
        }
        if (image.entry().isPresent() && image.entry().getAsLong() != 0) {
            long e = image.entry().getAsLong();
            record(out, START_LINEAR, 0, new byte[] {(byte) (e >>> 24), (byte) (e >>> 16), (byte) (e >>> 8), (byte) e}, 0, 4);
        }
        record(out, EOF, 0, new byte[0], 0, 0);
        return out.toString();
    }

    private static void record(StringBuilder out, int type, int addr16, byte[] data, int off, int len) {
        int sum = len + (addr16 >>> 8) + (addr16 & 0xFF) + type;
        out.append(':').append(hex2(len)).append(hex2(addr16 >>> 8)).append(hex2(addr16 & 0xFF)).append(hex2(type));
        for (int i = 0; i < len; i++) {
            int b = data[off + i] & 0xFF;
            sum += b;
            out.append(hex2(b));
        }
        out.append(hex2((-sum) & 0xFF)).append("\r\n");
    }

    private static String hex2(int v) {
        String s = Integer.toHexString(v & 0xFF).toUpperCase();
        return s.length() == 1 ? "0" + s : s;
    }

    /** Parses every record, checking lengths and checksums; data that overlaps or follows EOF is an error. */
    public static FirmwareImage parse(String text, String origin) throws ImageFormatException {
        String[] lines = text.split("\r?\n|\r", -1);
        List<Chunk> chunks = new ArrayList<>();
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        long runStart = -1;
        long base = 0;
        OptionalLong entry = OptionalLong.empty();
        boolean sawEof = false;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = origin + ":" + (ln + 1) + ": ";
            if (sawEof) {
                throw new ImageFormatException(where + "data after the end-of-file record");
            }
            byte[] rec = decodeRecord(line, where);
            int len = rec[0] & 0xFF;
            int addr16 = (rec[1] & 0xFF) << 8 | (rec[2] & 0xFF);
            int type = rec[3] & 0xFF;
            switch (type) {
                case DATA -> {
                    long addr = base + addr16;
                    if (addr + len > 0x1_0000_0000L) {
                        throw new ImageFormatException(where + "data beyond the 32-bit address space");
                    }
                    if (runStart >= 0 && addr != runStart + run.size()) {
                        chunks.add(new Chunk(runStart, run.toByteArray()));
                        run.reset();
                        runStart = -1;
                    }
                    if (runStart < 0) {
                        runStart = addr;
                    }
                    run.write(rec, 4, len);
                }
                case EOF -> sawEof = true;
                case EXT_SEGMENT -> {
                    requireLen(where, len, 2);
                    base = (long) ((rec[4] & 0xFF) << 8 | (rec[5] & 0xFF)) << 4;
                }
                case START_SEGMENT -> {
                    requireLen(where, len, 4);
                    long cs = (rec[4] & 0xFF) << 8 | (rec[5] & 0xFF);
                    long ip = (rec[6] & 0xFF) << 8 | (rec[7] & 0xFF);
                    entry = OptionalLong.of((cs << 4) + ip);
                }
                case EXT_LINEAR -> {
                    requireLen(where, len, 2);
                    base = (long) ((rec[4] & 0xFF) << 8 | (rec[5] & 0xFF)) << 16;
                }
                case START_LINEAR -> {
                    requireLen(where, len, 4);
                    entry = OptionalLong.of(((rec[4] & 0xFFL) << 24) | ((rec[5] & 0xFF) << 16) | ((rec[6] & 0xFF) << 8)
                            | (rec[7] & 0xFF));
                }
                default -> throw new ImageFormatException(where + "unknown record type " + type);
            }
        }
        if (!sawEof) {
            throw new ImageFormatException(origin + ": no end-of-file record (truncated file?)");
        }
        if (runStart >= 0) {
            chunks.add(new Chunk(runStart, run.toByteArray()));
        }
        try {
            return new FirmwareImage(chunks, entry);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(origin + ": " + e.getMessage());
        }
    }

    /** One record's bytes (length, address, type, data, checksum), with its length and checksum checked. */
    private static byte[] decodeRecord(String line, String where) throws ImageFormatException {
        if (line.charAt(0) != ':') {
            throw new ImageFormatException(where + "not an Intel HEX record (does not start with ':')");
        }
        if (line.length() < 11 || (line.length() - 1) % 2 != 0) {
            throw new ImageFormatException(where + "truncated record");
        }
        byte[] rec = new byte[(line.length() - 1) / 2];
        for (int i = 0; i < rec.length; i++) {
            int hi = Character.digit(line.charAt(1 + 2 * i), 16);
            int lo = Character.digit(line.charAt(2 + 2 * i), 16);
            if (hi < 0 || lo < 0) {
                throw new ImageFormatException(where + "invalid hex digit");
            }
            rec[i] = (byte) (hi << 4 | lo);
        }
        int len = rec[0] & 0xFF;
        if (rec.length != len + 5) {
            throw new ImageFormatException(where + "record length " + len + " does not match the line ("
                    + (rec.length - 5) + " data bytes)");
        }
        int sum = 0;
        for (byte b : rec) {
            sum += b & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            throw new ImageFormatException(where + "checksum mismatch");
        }
        return rec;
    }

    private static void requireLen(String where, int len, int want) throws ImageFormatException {
        if (len != want) {
            throw new ImageFormatException(where + "record must hold " + want + " bytes, holds " + len);
        }
    }
}
