package capslock.client;

import capslock.common.cli.ExitCodes;

/** How a transfer ended, and the exit code that says so. */
enum Outcome {
    COMPLETED(ExitCodes.OK, "completed, every byte verified"),
    STALLED(ExitCodes.STALLED, "stalled"),
    MEMORY_GUARD(ExitCodes.MEMORY_GUARD, "stopped by the memory guard"),
    VERIFY_FAILED(ExitCodes.VERIFY_FAILED, "reply did not match"),
    FAILED(ExitCodes.FAILURE, "failed");

    private final int exitCode;
    private final String label;

    Outcome(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    int exitCode() {
        return exitCode;
    }

    String label() {
        return label;
    }
}
