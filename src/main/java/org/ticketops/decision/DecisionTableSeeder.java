package org.ticketops.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.ticketops.platform.SourceFolders;

/**
 * At start, stores each shipped table of {@code rules/} as version 1 when the database has none yet
 * (a fresh database), then loads which versions are active. After the first start the database copy
 * is the one in force; a shipped file with other rows is reported, not applied. A shipped file with
 * another template (a release that changed the table's code) is stored and put in force, since managers
 * can only ever upload rows for the template of the running release.
 */
@Component
class DecisionTableSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableSeeder.class);

    private final DecisionService decisions;
    private final SourceFolders folders;
    private final DecisionTableGuard guard;

    DecisionTableSeeder(DecisionService decisions, SourceFolders folders, DecisionTableGuard guard) {
        this.decisions = decisions;
        this.folders = folders;
        this.guard = guard;
    }

    @Override
    public void afterPropertiesSet() {
        for (DecisionTable<?, ?> table : decisions.definitions()) {
            Resource file = folders.find(SourceFolders.Kind.RULES, table.fileName()).orElseThrow(() ->
                    new IllegalStateException("Decision table " + table.fileName() + " is missing from "
                            + folders.describe(SourceFolders.Kind.RULES)));
            byte[] content = read(file);
            String scenarios = folders.find(SourceFolders.Kind.RULES, table.scenariosFileName())
                    .map(r -> new String(read(r), StandardCharsets.UTF_8)).orElse(null);
            try {
                if (decisions.seed(table.name(), table.fileName(), content, scenarios)) {
                    log.info("Seeded decision table {} v1 from {}", table.name(), folders.describe(SourceFolders.Kind.RULES));
                }
            } catch (DuplicateKeyException e) {
                log.info("Decision table {} was seeded by another node", table.name());
            }
        }
        decisions.refreshActive();
        for (DecisionTable<?, ?> table : decisions.definitions()) {
            TableVersionRef active = decisions.activeVersion(table.name());
            folders.find(SourceFolders.Kind.RULES, table.fileName()).ifPresent(file -> {
                byte[] shipped = read(file);
                if (DecisionService.sha256(shipped).equals(active.contentHash())) {
                    return;
                }
                byte[] inForce = decisions.file(table.name(), active.version()).content();
                if (guard.sameTemplate(shipped, inForce)) {
                    log.info("Shipped {} has other rows than the version in force (v{}); the version in force stays",
                            table.fileName(), active.version());
                    return;
                }
                // A release changed the table's structure (its code): the rows of the version in force may not
                // fit it, so the release's file becomes the version in force.
                String scenarios = folders.find(SourceFolders.Kind.RULES, table.scenariosFileName())
                        .map(r -> new String(read(r), StandardCharsets.UTF_8)).orElse(null);
                TableVersion released = decisions.upload(table.name(), table.fileName(), shipped, scenarios,
                        "New table structure shipped with this release", "system");
                log.warn("Decision table {}: this release changes its structure; v{} from the shipped file is now in force"
                        + " (was v{})", table.name(), released.version(), active.version());
            });
        }
        // in the background: the node serves at once, and a call that needs a table still compiling waits for it
        Thread warmUp = new Thread(decisions::warmUp, "decision-table-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
