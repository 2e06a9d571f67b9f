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
import org.ticketops.decision.ScenarioSheet;
import org.ticketops.decision.TableDiff;
import org.ticketops.decision.TableRows;
import org.ticketops.decision.Scenarios;
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
            new org.ticketops.refund.RefundReviewTable(), new org.ticketops.procurement.ProcurementApprovalTable(),
            new org.ticketops.pricechange.PriceChangeApprovalTable(), new org.ticketops.complaint.ComplaintCompensationTable(),
            new org.ticketops.performance.PerformanceGradesTable(), new org.ticketops.finance.RiskWarningsTable());

    static Stream<Arguments> scenarios() {
        return TABLES.stream().flatMap(table -> ShippedTable.scenarios(table).stream()
                .map(scenario -> Arguments.of(table.name(), scenario, table)));
    }

    static Stream<Arguments> tables() {
        return Stream.of(Arguments.of("refund-fees", 40), Arguments.of("credit-tiers", 20),
                Arguments.of("discount-eligibility", 20), Arguments.of("refund-review", 12),
                Arguments.of("procurement-approval", 12), Arguments.of("price-change-approval", 12),
                Arguments.of("complaint-compensation", 10), Arguments.of("performance-grades", 20), Arguments.of("risk-warnings", 20));
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

    /** The page's scenario grid reads and writes each shipped file without changing a single case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void theScenarioGridRoundTripsEveryShippedFile(String name, int atLeast) throws Exception {
        DecisionTable<?, ?> table = TABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        String csv = java.nio.file.Files.readString(java.nio.file.Path.of("rules", name + ".scenarios.csv"));
        ScenarioSheet sheet = ScenarioSheet.read(csv);
        assertThat(sheet.rows()).hasSize(Scenarios.parse(table, csv).size());
        String written = sheet.write();
        assertThat(written).startsWith("# ");
        assertThat(Scenarios.parse(table, written)).extracting(Scenario::name, Scenario::input, Scenario::expected)
                .isEqualTo(Scenarios.parse(table, csv).stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.name(),
                        s.input(), s.expected())).toList());
        assertThat(ScenarioSheet.read(written)).isEqualTo(sheet);
    }

    /** Saving a grid nobody changed writes the same rows into every rule table: "5.00" stays "5.00", not 5. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void anUnchangedGridSavesTheSameRows(String name, int atLeast) throws Exception {
        byte[] content = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules", name + ".xlsx"));
        TableRows.View view = TableRows.read(content);
        java.util.Map<Integer, List<TableRows.RuleRow>> all = new java.util.TreeMap<>();
        for (int t = 0; t < view.tables().size(); t++) {
            all.put(t, view.tables().get(t).rows());
        }
        TableDiff.Result diff = TableDiff.compare(1, view, 2, TableRows.read(TableRows.apply(content, all)));
        assertThat(diff.counts().get(TableDiff.Kind.SAME)).as(diff.summary())
                .isEqualTo(view.tables().stream().mapToLong(t -> t.rows().size()).sum());
    }
}
