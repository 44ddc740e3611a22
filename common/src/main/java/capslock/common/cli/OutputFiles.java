package capslock.common.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Result files (--json, --csv, --chart): checked before a run, so that a typo does not cost the run; errors in plain words. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** A usage error now if {@code file} (given as {@code option}) could not be written later; nothing if it is null. */
    public static void checkWritable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        String problem = Files.isDirectory(absolute) ? "it is a directory"
                : directory == null || !Files.isDirectory(directory) ? "no such directory " + directory
                : !Files.isWritable(Files.exists(absolute) ? absolute : directory) ? "permission denied"
                : null;
        if (problem != null) {
            throw new CapslockException(ExitCodes.USAGE, option + " " + file + ": cannot write (" + problem + ")");
        }
    }

    /** A usage error now if {@code directory} (given as {@code option}) is not a writable directory; nothing if it is null. */
    public static void checkDirectory(String option, Path directory) {
        if (directory == null) {
            return;
        }
        String problem = !Files.isDirectory(directory) ? "no such directory"
                : !Files.isWritable(directory) ? "permission denied" : null;
        if (problem != null) {
            throw new CapslockException(ExitCodes.USAGE, option + " " + directory + ": cannot write (" + problem + ")");
        }
    }

    /** Why writing failed, without the path the caller names anyway. */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
