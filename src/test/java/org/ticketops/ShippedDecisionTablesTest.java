package org.ticketops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketops.credit.CreditTierTable;
import org.ticketops.decision.DecisionTable;
import org.ticketops.decision.ScenarioResult;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.pricing.DiscountTable;
import org.ticketops.refund.RefundFeeTable;
import org.ticketops.support.ShippedTable;

/**
 * Every line of every {@code rules/*.scenarios.csv} against the real spreadsheet beside it, compiled as
 * the decision service compiles it. A table must have a scenario for every row and boundary.
 */
class ShippedDecisionTablesTest {

    static final List<DecisionTable<?, ?>> TABLES = List.of(new RefundFeeTable(), new CreditTierTable(), new DiscountTable(),
            new org.ticketops.refund.RefundReviewTable());

    static Stream<Arguments> scenarios() {
        return TABLES.stream().flatMap(table -> ShippedTable.scenarios(table).stream()
                .map(scenario -> Arguments.of(table.name(), scenario, table)));
    }

    static Stream<Arguments> tables() {
        return Stream.of(Arguments.of("refund-fees", 40), Arguments.of("credit-tiers", 20),
                Arguments.of("discount-eligibility", 20), Arguments.of("refund-review", 12));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("scenarios")
    void scenarioGivesTheExpectedOutputs(String name, Scenario scenario, DecisionTable<?, ?> table) {
        ScenarioResult result = ShippedTable.run(table, scenario);
        assertThat(result.error()).as("error of %s %s", name, scenario).isNull();
        assertThat(result.actual()).as("outputs of %s %s with inputs %s", name, scenario, scenario.input())
                .isEqualTo(result.expected());
    }

    @ParameterizedTest(name = "{0} has at least {1} scenarios")
    @MethodSource("tables")
    void everyTableHasItsScenarios(String name, int atLeast) {
        DecisionTable<?, ?> table = TABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(ShippedTable.scenarios(table)).hasSizeGreaterThanOrEqualTo(atLeast);
    }
}
