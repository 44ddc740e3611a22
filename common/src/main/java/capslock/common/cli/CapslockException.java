package capslock.common.cli;

/** A failure the user should see as one line, with the exit code it carries. */
public class CapslockException extends RuntimeException {
    private final int exitCode;

    public CapslockException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CapslockException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
