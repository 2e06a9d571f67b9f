package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketops.decision.ScenarioResult;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.support.ShippedTable;

/** Every line of rules/refund-fees.scenarios.csv against the real rules/refund-fees.xlsx. */
class RefundFeeScenariosTest {

    private static final RefundFeeTable TABLE = new RefundFeeTable();

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
    void thereAreAtLeastFortyScenarios() {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(40);
    }
}
