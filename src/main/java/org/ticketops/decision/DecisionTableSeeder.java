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
 * is the one in force; a shipped file that differs from it is reported, not applied.
 */
@Component
class DecisionTableSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableSeeder.class);

    private final DecisionService decisions;
    private final SourceFolders folders;

    DecisionTableSeeder(DecisionService decisions, SourceFolders folders) {
        this.decisions = decisions;
        this.folders = folders;
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
                if (!DecisionService.sha256(read(file)).equals(active.contentHash())) {
                    log.info("Shipped {} differs from the version in force (v{}); upload it to activate it",
                            table.fileName(), active.version());
                }
            });
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
