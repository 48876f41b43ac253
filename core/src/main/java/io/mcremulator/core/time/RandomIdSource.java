package io.mcremulator.core.time;

import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@link IdSource} over {@link Random}s: reproducible when seeded (one generator for everything); by default ids
 * come from a fast generator seeded from {@link SecureRandom} (every create draws one: a SecureRandom read was ~6 %
 * of a create's CPU) and passwords and tokens from the SecureRandom itself.
 */
final class RandomIdSource implements IdSource {
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!=*@#%";
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Both null until the first draw of a {@link #secure()} source (guarded by this source's lock). */
    private Random secrets;

    private Random ids;

    RandomIdSource(Random random) {
        this.secrets = random;
        this.ids = random;
    }

    private RandomIdSource() {}

    /**
     * Seeded from a SecureRandom on its first draw, not when built: creating one loads the JDK's security providers
     * (~100 classes, ~15 ms of a server's start), and a server that only lists or reads never draws an id.
     */
    static RandomIdSource secure() {
        return new RandomIdSource();
    }

    private void seedOnFirstUse() {
        if (secrets != null) return;
        SecureRandom secure = new SecureRandom();
        ids = new SplittableAdapter(new SplittableRandom(secure.nextLong()));
        secrets = secure;
    }

    /** {@link Random}'s methods over a {@link SplittableRandom} (callers hold this source's lock). */
    private static final class SplittableAdapter extends Random {
        private final SplittableRandom r;

        SplittableAdapter(SplittableRandom r) {
            this.r = r;
        }

        @Override
        protected int next(int bits) {
            return r.nextInt() >>> (32 - bits);
        }
    }

    @Override
    public synchronized UUID uuid() {
        seedOnFirstUse();
        byte[] b = new byte[16];
        ids.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0, lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (b[i] & 0xff);
        return new UUID(msb, lsb);
    }

    @Override
    public synchronized String password() {
        seedOnFirstUse();
        // Always mixed: at least one upper, lower, digit and symbol, like the service's examples.
        StringBuilder sb = new StringBuilder(32);
        sb.append(pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                .append(pick("abcdefghijklmnopqrstuvwxyz"))
                .append(pick("0123456789"))
                .append(pick("!=*@#%"));
        while (sb.length() < 32) sb.append(pick(PASSWORD_ALPHABET));
        for (int i = sb.length() - 1; i > 0; i--) { // shuffle
            int j = secrets.nextInt(i + 1);
            char t = sb.charAt(i);
            sb.setCharAt(i, sb.charAt(j));
            sb.setCharAt(j, t);
        }
        return sb.toString();
    }

    @Override
    public synchronized String token() {
        seedOnFirstUse();
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) sb.append(pick(TOKEN_ALPHABET));
        return sb.toString();
    }

    private char pick(String alphabet) {
        return alphabet.charAt(secrets.nextInt(alphabet.length()));
    }
}
