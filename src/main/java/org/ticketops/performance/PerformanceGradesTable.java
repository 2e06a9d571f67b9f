package org.ticketops.performance;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/performance-grades.xlsx}: the grade suggested to the manager from the group, the manager's scores and
 * the KPIs. Managers change the limits there; no Java, configuration or diagram label holds them.
 */
@Component
public class PerformanceGradesTable extends DecisionTableDescriptor<GradeInput, GradeSuggestion> {

    public static final String NAME = DecisionTableNames.PERFORMANCE_GRADES;

    public PerformanceGradesTable() {
        super(NAME, "Performance grades", GradeInput.class, GradeSuggestion.class);
    }

    @Override
    public GradeSuggestion decide(GradeInput input, Rules rules) {
        GradeRuling ruling = new GradeRuling();
        rules.fire(Map.of("result", ruling), input);
        GradeSuggestion suggestion = ruling.suggestion();
        if (suggestion == null) {
            throw new NoRuleMatched(NAME, input);
        }
        return suggestion;
    }
}
