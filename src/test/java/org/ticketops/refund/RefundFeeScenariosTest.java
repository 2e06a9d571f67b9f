package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketops.decision.DecisionTableCompiler;
import org.ticketops.decision.Rules;
import org.ticketops.decision.ScenarioResult;
import org.ticketops.decision.Scenarios;
import org.ticketops.decision.Scenarios.Scenario;

/** Every line of rules/refund-fees.scenarios.csv against the real rules/refund-fees.xlsx. */
class RefundFeeScenariosTest {

    private static final RefundFeeTable TABLE = new RefundFeeTable();
    private static Rules rules;

    @BeforeAll
    static void compileTheShippedTable() throws IOException {
        rules = new DecisionTableCompiler().compile(TABLE.name(), Files.readAllBytes(Path.of("rules", TABLE.fileName())));
    }

    static List<Scenario> scenarios() throws IOException {
        return Scenarios.parse(TABLE, Files.readString(Path.of("rules", TABLE.scenariosFileName()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheExpectedOutputs(Scenario scenario) {
        ScenarioResult result = Scenarios.run(TABLE, rules, scenario);
        assertThat(result.error()).as("error of %s", scenario).isNull();
        assertThat(result.actual()).as("outputs of %s with inputs %s", scenario, scenario.input())
                .isEqualTo(result.expected());
    }

    @Test
    void scenariosCoverEveryRowOfTheTable() throws IOException {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(40);
    }
}
