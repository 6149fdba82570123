// Ed25519 signatures of a bundle's manifest with the JDK's own provider: keys in PEM (PKCS#8 private,
// X.509 public), as `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write them. The
// manifest lists every image's SHA-256, so its signature covers the whole bundle.
package org.fidembed.flasher.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

public final class Signing {
    public static final String ALGORITHM = "Ed25519";

    private Signing() {}

    /** A key file that cannot be used: its message names the file and says why. */
    public static final class KeyException extends Exception {
        public KeyException(String message) {
            super(message);
        }
    }

    public static PrivateKey privateKey(Path pem) throws KeyException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new KeyException(pem + ": not an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519 writes one)");
        }
    }

    public static PublicKey publicKey(Path pem) throws KeyException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new KeyException(pem + ": not an Ed25519 public key in X.509 PEM (openssl pkey -in KEY -pubout writes one)");
        }
    }

    /** PEM text for a key (what the tests and `openssl` exchange). */
    public static String pem(java.security.Key key) {
        String kind = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END " + kind + "-----\n";
    }

    public static byte[] sign(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    public static boolean verify(byte[] data, byte[] signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] der(Path pem, String kind) throws KeyException {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyException(pem + ": cannot read the key (" + e.getMessage() + ")");
        }
        String begin = "-----BEGIN " + kind + "-----";
        String end = "-----END " + kind + "-----";
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        if (a < 0 || b < a) {
            throw new KeyException(pem + ": no '" + begin + "' block (an Ed25519 " + kind.toLowerCase(java.util.Locale.ROOT) + " in PEM is expected)");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(a + begin.length(), b));
        } catch (IllegalArgumentException e) {
            throw new KeyException(pem + ": the PEM block is not valid base64");
        }
    }
}
