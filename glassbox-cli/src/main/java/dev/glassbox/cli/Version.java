package dev.glassbox.cli;

import picocli.CommandLine;

/** The version printed by {@code glassbox --version}, read from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GlassboxCommand.class.getPackage().getImplementationVersion();
        return new String[] {"glassbox " + (version == null ? "(development build)" : version)};
    }
}
