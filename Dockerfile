# capslock: build with the Maven wrapper on a JDK, run on a JRE as a non-root user. Java 25, chosen by measurement
# (docs/ARCHITECTURE.md, "Java versions"); any JDK from 17 on works: --build-arg BUILD_IMAGE=… --build-arg RUNTIME_IMAGE=….
#   docker build --target server -t capslock-server .     (the default target is server)
#   docker build --target client -t capslock .            (the full capslock jar: send, demo, bench, server)
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY common common
COPY server server
COPY client client
COPY app app
RUN ./mvnw -B -q -DskipTests package && cp server/target/capslock-server.jar app/target/capslock.jar /

FROM ${RUNTIME_IMAGE} AS runtime
COPY deploy/container/entrypoint deploy/container/healthcheck deploy/container/with-data-owner /opt/capslock/
# The fastest uppercase kernel uses the Vector API, an incubator module the JVM resolves only when asked: asked in an
# argument file when this runtime has the module (asking one that lacks it would stop the JVM).
RUN if java --list-modules | grep -q '^jdk\.incubator\.vector@'; then \
      echo '--add-modules=jdk.incubator.vector' >/opt/capslock/java.args; else : >/opt/capslock/java.args; fi
# The heap is a share of the container's memory limit; direct memory (Netty's buffers) defaults to the same size again.
ENV CAPSLOCK_JAVA_OPTS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["/opt/capslock/entrypoint"]

FROM runtime AS client
COPY --from=build /capslock.jar /opt/capslock/capslock.jar
ENV CAPSLOCK_JAR=/opt/capslock/capslock.jar
# A working directory for the demo's chart and timelines (docker-compose.yml mounts ./demo-output there).
WORKDIR /data
RUN chown 10001:10001 /data
USER 10001:10001
CMD ["--help"]

FROM runtime AS server
COPY --from=build /capslock-server.jar /opt/capslock/capslock-server.jar
ENV CAPSLOCK_JAR=/opt/capslock/capslock-server.jar \
    CAPSLOCK_SERVER_HOST=0.0.0.0 CAPSLOCK_SERVER_PORT=1060 CAPSLOCK_SERVER_ADMIN_PORT=8080
USER 10001:10001
EXPOSE 1060 8080
# No JVM for the check: bash asks /health/ready on the admin port (deploy/container/healthcheck).
HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=3 CMD ["/opt/capslock/healthcheck"]
