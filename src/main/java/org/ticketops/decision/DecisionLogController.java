package org.ticketops.decision;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.web.PageRequest;

/** The decision log: every decision a table took, with its version, inputs and outputs, newest first. */
@RestController
class DecisionLogController {

    /** A logged decision as the API shows it (inputs and outputs as JSON objects). */
    record Logged(Long id, String table, int tableVersion, String subjectType, String subjectId, String processInstanceId,
                  Map<String, Object> input, Map<String, Object> output, java.time.Instant decidedAt) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final DraftMapper log;
    private final ObjectMapper json;

    DecisionLogController(DraftMapper log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @GetMapping("/api/decision-log")
    List<Logged> list(@RequestParam(required = false) String table, @RequestParam(required = false) String subjectType,
                      @RequestParam(required = false) String subjectId, @RequestParam(required = false) String processInstanceId,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return log.findLog(table, subjectType, subjectId, processInstanceId, request.offset(), request.size()).stream()
                .map(e -> new Logged(e.id(), e.tableName(), e.tableVersion(), e.subjectType(), e.subjectId(),
                        e.processInstanceId(), read(e.input()), read(e.output()), e.decidedAt())).toList();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (Exception e) {
            return Map.of("raw", text);
        }
    }
}
