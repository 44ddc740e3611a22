# capslock: build with the Maven wrapper on a JDK, run on a JRE as a non-root user.
#   docker build --target server -t capslock-server .     (the default target is server)
#   docker build --target client -t capslock .            (the full capslock jar: send, demo, server)
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY common common
COPY server server
COPY client client
COPY app app
RUN ./mvnw -B -q -DskipTests package && cp server/target/capslock-server.jar app/target/capslock.jar /

FROM ${RUNTIME_IMAGE} AS client
COPY --from=build /capslock.jar /opt/capslock/capslock.jar
# A writable working directory for the demo's chart and timelines.
WORKDIR /data
RUN chown 10001:10001 /data
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/capslock/capslock.jar"]
CMD ["--help"]

FROM ${RUNTIME_IMAGE} AS server
COPY --from=build /capslock-server.jar /opt/capslock/capslock-server.jar
# The uppercase kernel uses Java 17's Vector API, an incubator module the JVM resolves only when asked: asked
# in an argument file when this runtime has it (without it the kernel falls back to SWAR; asking would fail).
RUN if java --list-modules | grep -q '^jdk\.incubator\.vector@1[78][.@]'; then \
      echo '--add-modules=jdk.incubator.vector' >/opt/capslock/java.args; else : >/opt/capslock/java.args; fi
USER 10001:10001
ENV CAPSLOCK_SERVER_HOST=0.0.0.0 CAPSLOCK_SERVER_PORT=1060 CAPSLOCK_SERVER_ADMIN_PORT=8080
EXPOSE 1060 8080
# Exec form, so SIGTERM reaches the JVM and the server drains; heap sized from the container's memory limit.
ENTRYPOINT ["java", "@/opt/capslock/java.args", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/capslock/capslock-server.jar"]
HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", "/opt/capslock/capslock-server.jar", "capslock.server.admin.HealthCheck"]
