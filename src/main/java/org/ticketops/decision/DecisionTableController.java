package org.ticketops.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.ticketops.web.InvalidField;

/**
 * The decision tables for managers: list them, download any version, upload a new one (activated only
 * when it compiles and passes its scenarios), put an earlier one back in force, and try scenarios.
 */
@RestController
@RequestMapping("/api/decision-tables")
class DecisionTableController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final DecisionService decisions;

    DecisionTableController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<TableSummary> tables() {
        return decisions.tables();
    }

    @GetMapping("/{table}/versions")
    List<TableVersion> versions(@PathVariable String table) {
        return decisions.versions(table);
    }

    @GetMapping("/{table}/versions/{version}")
    TableVersion version(@PathVariable String table, @PathVariable int version) {
        return decisions.version(table, version);
    }

    /** The spreadsheet of a version, to open in Excel or LibreOffice. */
    @GetMapping("/{table}/versions/{version}/file")
    ResponseEntity<byte[]> file(@PathVariable String table, @PathVariable int version) {
        StoredTableFile file = decisions.file(table, version);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table + "-v" + version + ".xlsx").build().toString())
                .body(file.content());
    }

    @GetMapping("/{table}/versions/{version}/scenarios")
    ResponseEntity<String> scenarios(@PathVariable String table, @PathVariable int version) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(decisions.file(table, version).scenarios());
    }

    /** Uploads a new version; it is in force at once when it compiles and passes the scenarios. */
    @PostMapping(path = "/{table}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TableVersion upload(@PathVariable String table, @RequestPart("file") MultipartFile file,
                        @RequestPart(name = "scenarios", required = false) MultipartFile scenarios,
                        @RequestParam(required = false) String comment, Principal user) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidField("file", "is empty");
        }
        String name = file.getOriginalFilename();
        if (name != null && !name.toLowerCase().endsWith(".xlsx")) {
            throw new InvalidField("file", "must be an .xlsx spreadsheet");
        }
        String csv = scenarios == null || scenarios.isEmpty() ? null
                : new String(scenarios.getBytes(), StandardCharsets.UTF_8);
        return decisions.upload(table, name, file.getBytes(), csv, comment, user.getName());
    }

    record Activation(String comment) {
    }

    /** Puts a stored version in force (a roll-back, or forward again). */
    @PostMapping("/{table}/versions/{version}/activate")
    TableVersion activate(@PathVariable String table, @PathVariable int version,
                          @RequestBody(required = false) Activation activation, Principal user) {
        return decisions.activate(table, version, activation == null ? null : activation.comment(), user.getName());
    }

    /** Runs a version against its scenarios, or against uploaded ones, without changing anything. */
    @PostMapping(path = "/{table}/versions/{version}/scenario-run")
    List<ScenarioResult> runScenarios(@PathVariable String table, @PathVariable int version,
                                      @RequestBody(required = false) String scenarios) {
        return decisions.runScenarios(table, version, scenarios == null || scenarios.isBlank() ? null : scenarios);
    }
}
