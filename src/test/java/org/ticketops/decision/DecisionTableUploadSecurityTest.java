package org.ticketops.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ticketops.decision.DecisionTableStoreTest.tree;
import static org.ticketops.decision.DecisionTableStoreTest.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.ticketops.support.TicketOpsTest;

/**
 * Issue 7, item 1: nothing a manager uploads is compiled as code. A table's template (its code) is the
 * release's; rule rows hold typed values only; big tables and slow compiles are refused.
 */
@TicketOpsTest
class DecisionTableUploadSecurityTest {

    private static final String TABLE = "refund-fees";
    private static final int ALLOWED_COLUMN = 7;   // H: result.setAllowed($param);
    private static final int REJECTION_COLUMN = 8; // I: result.setRejectionCode("$param");
    private static final int FEE_COLUMN = 9;       // J: result.setFeePercent($param);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DecisionService decisions;
    byte[] shipped;
    TableVersionRef before;
    Path marker;

    @BeforeEach
    void setUp() throws IOException {
        shipped = Files.readAllBytes(Path.of("rules/refund-fees.xlsx"));
        before = decisions.activeVersion(TABLE);
        marker = Files.createTempDirectory("ticketops-rce").resolve("pwned");
    }

    @Test
    void codeAddedToATemplateCellIsRefusedNamingTheCellAndNeverRuns() {
        String exec = "try { java.lang.Runtime.getRuntime().exec(new String[]{\"touch\",\"" + marker + "\"}); }"
                + " catch (Exception e) {}";
        byte[] hostile = Spreadsheets.edit(shipped, sheet -> Spreadsheets.set(
                Spreadsheets.row(sheet, new int[]{ALLOWED_COLUMN}, "result.setAllowed($param);"), ALLOWED_COLUMN,
                "result.setAllowed($param); " + exec));

        ResponseEntity<String> response = upload(rest, "olivia", hostile, null, "summer terms");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = tree(response);
        assertThat(problem.path("code").asText()).isEqualTo("TABLE_STRUCTURE_CHANGED");
        assertThat(problem.path("cell").asText()).endsWith("!H12");
        assertThat(problem.path("found").asText()).contains("Runtime");
        assertThat(marker).doesNotExist();
        assertThat(decisions.activeVersion(TABLE)).isEqualTo(before);
    }

    @Test
    void aKeywordAddedAnywhereOutsideTheRowsIsAStructureChange() {
        byte[] withFunction = Spreadsheets.edit(shipped, sheet -> {
            Row row = sheet.createRow(sheet.getLastRowNum() + 2);
            Spreadsheets.set(row, 0, "Functions");
            Spreadsheets.set(row, 1, "function void boom() { System.exit(0); }");
        });
        ResponseEntity<String> response = upload(rest, "olivia", withFunction, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(tree(response).path("code").asText()).isEqualTo("TABLE_STRUCTURE_CHANGED");
        assertThat(decisions.activeVersion(TABLE)).isEqualTo(before);
    }

    @Test
    void codeInARuleRowCellIsRefusedNamingRowColumnAndExpectedType() {
        byte[] hostile = Spreadsheets.edit(shipped, sheet -> {
            Row row = firstRuleRow(sheet);
            Spreadsheets.set(row, FEE_COLUMN, "0); System.exit(0); result.setFeePercent(0");
        });
        ResponseEntity<String> response = upload(rest, "olivia", hostile, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = tree(response);
        assertThat(problem.path("code").asText()).isEqualTo("INVALID_CELL");
        JsonNode cell = problem.path("cells").get(0);
        assertThat(cell.path("row").asInt()).isEqualTo(14);
        assertThat(cell.path("column").asText()).isEqualTo("J");
        assertThat(cell.path("header").asText()).isEqualTo("Fee %");
        assertThat(cell.path("expected").asText()).isEqualTo("a whole number");
        assertThat(problem.path("detail").asText()).contains("row 14", "column J", "Fee %");
        assertThat(decisions.activeVersion(TABLE)).isEqualTo(before);
    }

    @Test
    void everyKindOfCellIsCheckedAgainstItsColumn() {
        byte[] hostile = Spreadsheets.edit(shipped, sheet -> {
            Row row = firstRuleRow(sheet);
            Spreadsheets.set(row, 1, "EVENT_CANCELLED || true");                    // enum constant
            Spreadsheets.set(row, ALLOWED_COLUMN, "true); drools.halt(");             // boolean
            Spreadsheets.set(row, REJECTION_COLUMN, "X\"); System.exit(0); (\"");     // text between quotes
            Spreadsheets.set(row, 6, "NONE, GOLD} || eval(true) || {true");          // list of enum constants
            Spreadsheets.set(row, 0, "Event cancelled */ rule \"x\"");               // description
            Spreadsheets.set(row, 14, "stray");                                       // outside the table
        });
        ResponseEntity<String> response = upload(rest, "olivia", hostile, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode cells = tree(response).path("cells");
        assertThat(cells.findValuesAsText("column")).contains("A", "B", "G", "H", "I", "O");
        assertThat(cells.findValuesAsText("expected")).anySatisfy(e -> assertThat(e).startsWith("one of CUSTOMER_CHOICE, EVENT_CANCELLED"))
                .anySatisfy(e -> assertThat(e).isEqualTo("true or false"))
                .anySatisfy(e -> assertThat(e).startsWith("one or more of NONE, SILVER, GOLD, PLATINUM"));
        assertThat(decisions.activeVersion(TABLE)).isEqualTo(before);
    }

    @Test
    void aFormulaIsNotAValue() {
        byte[] formula = Spreadsheets.edit(shipped, sheet -> firstRuleRow(sheet).getCell(FEE_COLUMN).setCellFormula("1+1"));
        ResponseEntity<String> response = upload(rest, "olivia", formula, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(tree(response).path("cells").get(0).path("expected").asText()).contains("not a formula");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedBeforeCompiling() {
        byte[] huge = Spreadsheets.edit(shipped, sheet -> {
            // the minimum-fee table is the last one: grow it downwards with valid rows
            int last = sheet.getLastRowNum();
            for (int i = 1; i <= 500; i++) {
                Row row = sheet.createRow(last + i);
                Spreadsheets.set(row, 0, "Standard ticket " + i);
                Spreadsheets.set(row, 1, "STANDARD");
                Spreadsheets.set(row, 2, 5);
                Spreadsheets.set(row, 3, "minimum-fee");
            }
        });
        ResponseEntity<String> response = upload(rest, "olivia", huge, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = tree(response);
        assertThat(problem.path("code").asText()).isEqualTo("TOO_MANY_RULES");
        assertThat(problem.path("limit").asInt()).isEqualTo(500);
        assertThat(problem.path("rules").asInt()).isGreaterThan(500);
        assertThat(decisions.activeVersion(TABLE)).isEqualTo(before);
    }

    @Test
    void aStoredVersionWithAnotherTemplateIsNeverCompiledAgain() {
        byte[] changed = Spreadsheets.edit(shipped, sheet -> Spreadsheets.set(
                Spreadsheets.row(sheet, new int[]{ALLOWED_COLUMN}, "Allowed"), ALLOWED_COLUMN, "Allowed!"));
        DecisionTableCompiler compiler = DecisionTableCompiler.forRelease(Path.of("rules"));
        assertThatThrownBy(() -> compiler.compile(TABLE, changed)).isInstanceOf(TableStructureChanged.class);
    }

    @Test
    void aCompileThatTakesTooLongIsRefused() {
        DecisionTableGuard guard = new DecisionTableGuard(t -> shipped, new DecisionProperties(Duration.ofHours(1), 500,
                Duration.ofMillis(1), Duration.ofMinutes(5)));
        DecisionTableCompiler slow = new DecisionTableCompiler(guard, new DecisionProperties(Duration.ofHours(1), 500,
                Duration.ofMillis(1), Duration.ofMinutes(5)));
        assertThatThrownBy(() -> slow.compile(new TableVersionRef(TABLE, 0, DecisionService.sha256(shipped)), shipped))
                .isInstanceOf(CompileTimedOut.class)
                .satisfies(e -> assertThat(((CompileTimedOut) e).code()).isEqualTo("COMPILE_TIMEOUT"));
        // a version that passed when it came in (shipped, stored) has the longer limit: a slow machine is not hostile
        assertThat(slow.compileStored(new TableVersionRef(TABLE, 1, DecisionService.sha256(shipped)), shipped).ruleCount())
                .isPositive();
        slow.destroy();
    }

    private static Row firstRuleRow(Sheet sheet) {
        return Spreadsheets.row(sheet, new int[]{0}, "Event cancelled");
    }
}
