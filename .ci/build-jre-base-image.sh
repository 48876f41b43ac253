#!/usr/bin/env bash
# Builds the local JRE base image `mcr-emulator-jre:local` without any registry (none is reachable in CI):
# jlinks this machine's JDK 17 down to the modules the emulator needs, adds the shared libraries that runtime
# links to (found with ldd), a minimal /etc (passwd with the non-root user `mcr`, uid 10001), and `docker import`s
# the result. The Dockerfile takes it with `--build-arg BASE_IMAGE=mcr-emulator-jre:local`.
#
# Idempotent and fast when nothing changed: the image carries a label with a digest of this script and of the
# JDK's release file; when an image with the same label exists, the script only says so.
#
# Env: JAVA17_HOME (default: the JDK 17 under /usr/lib/jvm), MCR_JRE_IMAGE (default mcr-emulator-jre:local),
#      MCR_JRE_EXTRA_MODULES (comma-separated, e.g. for the benchmark's WireMock), MCR_JRE_FORCE=true to rebuild.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${MCR_JRE_IMAGE:-mcr-emulator-jre:local}

find_jdk17() {
  if [ -n "${JAVA17_HOME:-}" ]; then echo "$JAVA17_HOME"; return; fi
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/temurin-17-jdk-amd64; do
    [ -x "$d/bin/jlink" ] && [ -d "$d/jmods" ] && { echo "$d"; return; }
  done
  echo "build-jre-base-image: no JDK 17 with jmods found; set JAVA17_HOME" >&2
  exit 1
}
jdk=$(find_jdk17)
[ -d "$jdk/jmods" ] || { echo "build-jre-base-image: $jdk has no jmods folder (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

# Modules: `jdeps --print-module-deps` on the standalone jar gives java.base, java.instrument, java.management,
# java.naming, java.net.http, java.rmi, java.security.jgss, java.sql and java.desktop. java.desktop (20 MB) is left
# out: only Jackson's optional @ConstructorProperties support and Jetty leak preventers that are never enabled touch
# it, and both cope with its absence. Added: jdk.crypto.ec (TLS to a JWKS URL), jdk.unsupported (sun.misc.Unsafe).
modules=java.base,java.instrument,java.management,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql,jdk.crypto.ec,jdk.unsupported
if [ -n "${MCR_JRE_EXTRA_MODULES:-}" ]; then modules=$modules,$MCR_JRE_EXTRA_MODULES; fi

inputs_digest=$( { cat "$0"; cat "$jdk/release"; echo "$modules"; } | sha256sum | cut -c1-16)
if [ "${MCR_JRE_FORCE:-false}" != true ] \
   && [ "$(docker image inspect -f '{{ index .Config.Labels "io.mcremulator.jre.inputs" }}' "$image" 2>/dev/null || true)" = "$inputs_digest" ]; then
  echo "build-jre-base-image: $image is up to date ($inputs_digest)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"

echo "build-jre-base-image: jlink $jdk -> $image"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$root/opt/java" >/dev/null
# The archive for heaps above 32 GB is of no use to a test emulator; native symbols are not needed either.
rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"
strip_libs() { if command -v strip >/dev/null; then find "$@" -name '*.so*' -type f -exec strip --strip-unneeded {} + 2>/dev/null || true; fi; }
strip_libs "$root/opt/java"

# Shared libraries the runtime links to, at the paths ldd reports (the loader included).
libs=$(find "$root/opt/java/bin" "$root/opt/java/lib" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u)
for lib in $libs; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
strip_libs "$root/lib" "$root/lib64"

# UTF-8 as the default charset (file names, stdout): glibc's C.UTF-8 locale.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$root/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
fi

mkdir -p "$root/etc" "$root/tmp" "$root/home/mcr"
chmod 1777 "$root/tmp"
cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
mcr:x:10001:10001:mcr-emulator:/home/mcr:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
mcr:x:10001:
nogroup:x:65534:
EOF
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
chown 10001:10001 "$root/home/mcr"

tar -C "$root" --numeric-owner -cf - . | docker import \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 10001' \
  --change 'WORKDIR /home/mcr' \
  --change "LABEL io.mcremulator.jre.inputs=$inputs_digest" \
  --change "LABEL org.opencontainers.image.description=\"jlinked JRE 17 for mcr-emulator\"" \
  - "$image" >/dev/null
echo "build-jre-base-image: built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.1f MB", $1/1000000}'))"
