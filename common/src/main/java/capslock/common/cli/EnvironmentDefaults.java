package capslock.common.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option be set by an environment variable named for its command and option,
 * {@code CAPSLOCK_<COMMAND>_<OPTION>}: {@code server --water-mark} reads {@code CAPSLOCK_SERVER_WATER_MARK},
 * {@code bench --json} reads {@code CAPSLOCK_BENCH_JSON}. One command's variables never reach another, so exporting
 * the server's port does not point {@code demo} at it. The command line wins: picocli asks a default provider only
 * for options the user did not give.
 *
 * <p>Variables without the command ({@code CAPSLOCK_PORT}, as capslock read them before) are not read; {@link
 * #ignored()} names those that are set, so that the command can say so rather than ignore them silently.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    private final Map<String, String> environment;
    private final Map<ArgSpec, String> used = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /** {@code CAPSLOCK_SERVER_WATER_MARK} for {@code server}'s {@code --water-mark}. */
    public static String variableFor(OptionSpec option) {
        return "CAPSLOCK_" + upper(option.command().name()) + "_" + upper(option.longestName().replaceFirst("^-+", ""));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String variable = variableFor(option);
        String value = environment.get(variable);
        if (value == null) {
            String unscoped = "CAPSLOCK_" + upper(option.longestName().replaceFirst("^-+", ""));
            if (environment.containsKey(unscoped) && !ignored.contains(unscoped + " (use " + variable + ")")) {
                ignored.add(unscoped + " (use " + variable + ")");
            }
            return null;
        }
        used.put(argSpec, variable);
        return value;
    }

    /** The environment variable a value came from, so that an error can name it. */
    public Optional<String> sourceOf(ArgSpec argSpec) {
        return Optional.ofNullable(used.get(argSpec));
    }

    /** Variables that are set but not read, each with the one that would be, e.g. {@code CAPSLOCK_PORT (use CAPSLOCK_SERVER_PORT)}. */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }
}
