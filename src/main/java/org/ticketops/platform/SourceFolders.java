package org.ticketops.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The project's source-of-truth folders {@code processes/}, {@code rules/} and {@code forms/}: read from
 * the folder that {@code ticketops.processes-dir} (rules-dir, forms-dir) names, or else from the copy
 * packed into the jar, so {@code java -jar} works from any directory.
 */
@Component
public class SourceFolders {

    private static final Logger log = LoggerFactory.getLogger(SourceFolders.class);

    public enum Kind {
        PROCESSES("processes"), RULES("rules"), FORMS("forms");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    private final TicketOpsProperties properties;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    SourceFolders(TicketOpsProperties properties) {
        this.properties = properties;
    }

    /** The files of a folder whose names end in {@code suffix}, sorted by name. */
    public List<Resource> list(Kind kind, String suffix) {
        Path dir = overrideOf(kind);
        try {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                            .<Resource>map(FileSystemResource::new).toList();
                }
            }
            Resource[] found = resolver.getResources("classpath*:" + kind.folder() + "/*" + suffix);
            return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + kind.folder() + " (" + (dir == null ? "packed copy" : dir) + ")", e);
        }
    }

    /** One file of a folder, if it is there. */
    public Optional<Resource> find(Kind kind, String fileName) {
        Path dir = overrideOf(kind);
        Resource resource = dir != null ? new FileSystemResource(dir.resolve(fileName))
                : resolver.getResource("classpath:" + kind.folder() + "/" + fileName);
        return resource.exists() ? Optional.of(resource) : Optional.empty();
    }

    /** Where a folder is read from, for log lines. */
    public String describe(Kind kind) {
        Path dir = overrideOf(kind);
        return dir == null ? "packed " + kind.folder() + "/" : dir.toAbsolutePath().toString();
    }

    private Path overrideOf(Kind kind) {
        Path dir = switch (kind) {
            case PROCESSES -> properties.processesDir();
            case RULES -> properties.rulesDir();
            case FORMS -> properties.formsDir();
        };
        if (dir != null && !Files.isDirectory(dir)) {
            log.warn("ticketops.{}-dir {} is not a folder; using the packed copy", kind.folder(), dir);
            return null;
        }
        return dir;
    }
}
