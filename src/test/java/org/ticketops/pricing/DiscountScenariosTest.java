package org.ticketops.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketops.decision.ScenarioResult;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.support.ShippedTable;

/** Every line of rules/discount-eligibility.scenarios.csv against the real rules/discount-eligibility.xlsx. */
class DiscountScenariosTest {

    private static final DiscountTable TABLE = new DiscountTable();

    static List<Scenario> scenarios() {
        return ShippedTable.scenarios(TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheExpectedOutputs(Scenario scenario) {
        ScenarioResult result = ShippedTable.run(TABLE, scenario);
        assertThat(result.error()).as("error of %s", scenario).isNull();
        assertThat(result.actual()).as("outputs of %s with inputs %s", scenario, scenario.input()).isEqualTo(result.expected());
    }

    @Test
    void everyRowAndBoundaryHasAScenario() {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(20);
    }
}
