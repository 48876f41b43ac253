package io.mcremulator.core.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo findings: a stable, realistic-looking set derived from a digest (same digest, same findings, in any run and
 * on any machine), picked from a small catalogue of well-known CVEs in common base-image packages.
 */
public final class SyntheticFindings {
    private SyntheticFindings() {}

    private record Entry(
            String cve,
            Severity severity,
            String pkg,
            String version,
            String fixed,
            String path,
            double score,
            String vector,
            String description) {}

    private static final List<Entry> CATALOGUE = List.of(
            new Entry(
                    "CVE-2023-4911",
                    Severity.HIGH,
                    "libc6",
                    "2.36-9",
                    "2.36-9+deb12u3",
                    "/lib/x86_64-linux-gnu/libc.so.6",
                    7.8,
                    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
                    "Buffer overflow in the dynamic loader's GLIBC_TUNABLES processing (Looney Tunables)."),
            new Entry(
                    "CVE-2024-6387",
                    Severity.HIGH,
                    "openssh-client",
                    "1:9.2p1-2",
                    "1:9.2p1-2+deb12u3",
                    "/usr/bin/ssh",
                    8.1,
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    "Signal handler race condition in sshd (regreSSHion)."),
            new Entry(
                    "CVE-2023-38545",
                    Severity.CRITICAL,
                    "curl",
                    "7.88.1-10",
                    "7.88.1-10+deb12u4",
                    "/usr/bin/curl",
                    9.8,
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    "Heap buffer overflow in the SOCKS5 proxy handshake."),
            new Entry(
                    "CVE-2023-5363",
                    Severity.HIGH,
                    "openssl",
                    "3.0.11-1",
                    "3.0.13-1",
                    "/usr/lib/x86_64-linux-gnu/libssl.so.3",
                    7.5,
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                    "Key and IV length changes are processed too late in some cipher setups."),
            new Entry(
                    "CVE-2022-48303",
                    Severity.MEDIUM,
                    "tar",
                    "1.34+dfsg-1.2",
                    null,
                    "/bin/tar",
                    5.5,
                    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
                    "One-byte out-of-bounds read on archives with malformed headers."),
            new Entry(
                    "CVE-2023-29383",
                    Severity.LOW,
                    "login",
                    "1:4.13+dfsg1-1",
                    null,
                    "/bin/login",
                    3.3,
                    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N",
                    "chfn accepts control characters in the GECOS field."),
            new Entry(
                    "CVE-2016-2781",
                    Severity.LOW,
                    "coreutils",
                    "9.1-1",
                    null,
                    "/usr/bin/chroot",
                    6.5,
                    "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N",
                    "chroot --userspec lets a non-privileged session escape to the parent session."),
            new Entry(
                    "CVE-2023-50495",
                    Severity.MEDIUM,
                    "libncursesw6",
                    "6.4-4",
                    "6.4-4+deb12u1",
                    "/lib/x86_64-linux-gnu/libncursesw.so.6",
                    6.5,
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
                    "Segmentation fault via _nc_wrap_entry()."),
            new Entry(
                    "CVE-2024-2961",
                    Severity.HIGH,
                    "libc-bin",
                    "2.36-9",
                    "2.36-9+deb12u7",
                    "/usr/bin/iconv",
                    7.3,
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L",
                    "iconv() out-of-bounds write converting to ISO-2022-CN-EXT."),
            new Entry(
                    "CVE-2011-3374",
                    Severity.UNKNOWN,
                    "apt",
                    "2.6.1",
                    null,
                    "/usr/bin/apt",
                    3.7,
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N",
                    "apt-key does not properly validate keys downloaded from the network."));

    /** Between none and six findings, the same for the same digest. */
    public static List<Vulnerability> of(String digest) {
        Random r = new Random(seed(digest));
        int count = r.nextInt(7);
        List<Entry> pool = new ArrayList<>(CATALOGUE);
        List<Vulnerability> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Entry e = pool.remove(r.nextInt(pool.size()));
            Cvss.Score nvd = new Cvss.Score(e.score(), e.vector());
            out.add(Vulnerability.of(
                    e.cve(),
                    e.severity(),
                    e.pkg(),
                    e.version(),
                    e.fixed(),
                    null,
                    e.path(),
                    e.description(),
                    List.of("https://avd.aquasec.com/nvd/" + e.cve().toLowerCase(java.util.Locale.ROOT)),
                    false,
                    Cvss.of(nvd, null, Map.of("nvd", nvd))));
        }
        return List.copyOf(out);
    }

    private static long seed(String digest) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(digest.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) s = (s << 8) | (h[i] & 0xff);
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
