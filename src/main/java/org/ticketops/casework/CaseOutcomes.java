package org.ticketops.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** How the case a process instance runs stands, in its definition's words ({@link CaseDefinition#outcome}). */
@Service
public class CaseOutcomes {

    /** A case with its outcome sentence. */
    public record Outcome(String type, String businessKey, String status, String openedBy, String outcome) {
    }

    private final CaseService cases;
    private final Map<String, CaseDefinition> definitions;

    CaseOutcomes(CaseService cases, List<CaseDefinition> definitions) {
        this.cases = cases;
        this.definitions = definitions.stream().collect(Collectors.toMap(CaseDefinition::type, Function.identity()));
    }

    public Optional<Outcome> ofProcessInstance(String processInstanceId) {
        return cases.ofProcessInstance(processInstanceId).map(c -> {
            CaseDefinition definition = definitions.get(c.caseType());
            return new Outcome(c.caseType(), c.businessKey(), c.status(), c.openedBy(),
                    definition == null ? c.businessKey() : definition.outcome(c));
        });
    }
}
