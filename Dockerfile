# mcr-emulator: in-memory emulator of Magalu Cloud Container Registry (management API + OCI /v2 registry).
#
#   ./mvnw -B -pl server -am package -DskipTests
#   docker build -t mcr-emulator .                       # on eclipse-temurin:17-jre
#   docker build -t mcr-emulator --build-arg BASE_IMAGE=mcr-emulator-jre:local .   # offline, .ci/build-jre-base-image.sh
#   docker run --rm -p 8080:8080 mcr-emulator
#   docker run -p 8080:8080 -v mcr-data:/data -e MCR_DATA_DIR=/data mcr-emulator   # state survives the container
#
# Configured by the standalone runner's environment variables (MCR_PORT, MCR_SEED_FILE, MCR_AUTH_MODE, ...;
# docs/docker.md lists them) or by its flags given as the command. The base image only needs `java` on the PATH:
# no shell is used, at build time or at run time.
ARG BASE_IMAGE=eclipse-temurin:17-jre

# An empty folder, copied below as /data owned by the emulator's user: where MCR_DATA_DIR=/data keeps state that
# survives the container when a volume is mounted there (docs/docker.md). No shell needed to make it.
FROM scratch AS empty-data-dir
WORKDIR /data

FROM ${BASE_IMAGE}

ARG JAR=server/target/mcr-emulator-server-*-standalone.jar
USER 0:0
COPY ${JAR} /app/mcr-emulator.jar
# The JVM's defaults (AppCDS archive, C1 only, no perf data file): a flags file, read before JAVA_TOOL_OPTIONS, so
# JAVA_TOOL_OPTIONS can still override each of them (docs/docker.md "JVM options").
COPY docker/jvm.flags /app/jvm.flags
# AppCDS: a training run (start, a few typical requests, stop) records the loaded classes into a dynamic archive
# on top of the JRE's default one; the server and the health check start from it.
RUN ["java", "-XX:ArchiveClassesAtExit=/app/mcr-emulator.jsa", "-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", "/app/mcr-emulator.jar", "cds-training"]

COPY --from=empty-data-dir --chown=10001:10001 /data /data
USER 10001:10001
ENV MCR_HOST=0.0.0.0 \
    MCR_PORT=8080
EXPOSE 8080
LABEL org.opencontainers.image.title="mcr-emulator" \
      org.opencontainers.image.description="In-memory emulator of Magalu Cloud Container Registry (MCR) for tests"

HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
  CMD ["java", "-XX:Flags=/app/jvm.flags", "-Xlog:cds=off", "-cp", "/app/mcr-emulator.jar", "io.mcremulator.server.Main", "healthcheck"]

ENTRYPOINT ["java", "-XX:Flags=/app/jvm.flags", "-Xlog:cds=off", "-jar", "/app/mcr-emulator.jar"]
