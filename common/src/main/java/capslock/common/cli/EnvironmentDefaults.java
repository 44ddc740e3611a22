package capslock.common.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option be set by an environment variable {@code CAPSLOCK_<OPTION>} ({@code --water-mark}
 * becomes {@code CAPSLOCK_WATER_MARK}), for containers. The command line still wins: picocli asks a
 * default provider only for options the user did not give.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    private final Map<String, String> environment;
    private final Map<ArgSpec, String> used = new HashMap<>();

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    public static String variableFor(OptionSpec option) {
        String name = option.longestName().replaceFirst("^-+", "");
        return "CAPSLOCK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String variable = variableFor(option);
        String value = environment.get(variable);
        if (value == null) {
            return null;
        }
        used.put(argSpec, variable);
        return value;
    }

    /** The environment variable a value came from, so an error can name it. */
    public Optional<String> sourceOf(ArgSpec argSpec) {
        return Optional.ofNullable(used.get(argSpec));
    }
}
