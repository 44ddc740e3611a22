package capslock.common;

/** What a failure says to a user: its message, or its kind when it has none. */
public final class Errors {
    private Errors() {
    }

    /** {@code cause}'s message, or its simple class name when the message is null (as a bare {@code NullPointerException}'s is). */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
