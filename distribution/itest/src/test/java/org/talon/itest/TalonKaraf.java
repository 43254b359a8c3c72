package org.talon.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** The Pax Exam set-up every Karaf test shares: the built Talon distribution, offline, on free ports. */
public final class TalonKaraf {
    private TalonKaraf() {
    }

    public static Option[] config(Option... extra) {
        File dist = new File(System.getProperty("talon.distribution"));
        if (!dist.isFile()) throw new IllegalStateException("Build the distribution first: " + dist);
        String repo = System.getProperty("talon.localRepository");
        List<Option> o = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(dist.toURI().toString()).name("Talon")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "0"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,file:" + repo + "@id=local@snapshots"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", "")));
        if (Boolean.getBoolean("talon.keepKaraf")) {
            // mvn install -Dtalon.keepKaraf=true keeps each Karaf under target/exam, to read data/log/karaf.log
            o.add(keepRuntimeFolder());
        }
        o.addAll(Arrays.asList(extra));
        return o.toArray(new Option[0]);
    }

    /** Points the Talon datasource at a PostgreSQL database instead of the embedded H2. */
    public static Option[] postgres(String url) {
        String f = "etc/org.ops4j.datasource-talon.cfg";
        return new Option[] {
            editConfigurationFilePut(f, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(f, "url", url),
            editConfigurationFilePut(f, "user", "talon"),
            editConfigurationFilePut(f, "password", "talon"),
        };
    }

    static int freePort() {
        return org.talon.bench.TalonProcess.freePort();
    }
}
