package capslock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capslock ARGS} in a JVM of its own (the test's Java and class path), for what only a separate process shows:
 * a real signal, an exit code from {@code System.exit}. Its stdout and stderr go to files in {@code dir}; closing it
 * kills the JVM if it is still running.
 */
public final class CapslockJvm implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private CapslockJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static CapslockJvm start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Capslock.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("capslock-out.txt");
        Path err = dir.resolve("capslock-err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new CapslockJvm(process, out, err);
    }

    public Process process() {
        return process;
    }

    /** What it has printed to stdout so far. */
    public String out() {
        return read(out);
    }

    /** What it has printed to stderr so far. */
    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
