package capslock.common.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"capslock " + (version == null ? "(development build)" : version)
                + " (java " + System.getProperty("java.version") + ")"};
    }
}
