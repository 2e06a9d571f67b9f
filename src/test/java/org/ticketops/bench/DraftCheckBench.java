package org.ticketops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.TicketOpsApplication;
import org.ticketops.decision.DecisionDrafts;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DraftReport;
import org.ticketops.decision.Scenarios;
import org.ticketops.decision.TableDraft;
import org.ticketops.decision.TableRows;
import org.ticketops.credit.CreditInput;
import org.ticketops.credit.CreditTierTable;

/**
 * Checks a 200-row draft of the credit-tier table (the shipped table with one rule table; its input domain is the
 * largest, so the completeness check samples 20,000 inputs) with 1,000 scenarios against 100,000 logged decisions (compile,
 * scenarios, replay, completeness), five times, and prints each time. Target: under 10 s.
 * Run: {@code mvn -Pbench-check verify} (H2; pass {@code --spring.profiles.active=mysql ...} in {@code bench.args}).
 */
public final class DraftCheckBench {

    private DraftCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> appArgs = new ArrayList<>(List.of(args));
        appArgs.addAll(List.of("--server.port=0", "--logging.level.root=WARN", "--ticketops.admin.user=bench",
                "--ticketops.admin.password=Tick3t-Ops!Strong", "--ticketops.demo.enabled=false", "--ticketops.payments.provider=none",
                "--camunda.bpm.job-execution.enabled=false"));
        ConfigurableApplicationContext app = SpringApplication.run(TicketOpsApplication.class, appArgs.toArray(String[]::new));
        try {
            DecisionService decisions = app.getBean(DecisionService.class);
            DecisionDrafts drafts = app.getBean(DecisionDrafts.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            CreditTierTable table = app.getBean(CreditTierTable.class);
            int version = decisions.activeVersion(CreditTierTable.NAME).version();

            // 200 rows: the table's own, then copies of its last row (which first-match never reaches)
            List<TableRows.RuleRow> rows = new ArrayList<>(TableRows.read(decisions.file(CreditTierTable.NAME, version).content()).rows());
            TableRows.RuleRow last = rows.get(rows.size() - 1);
            while (rows.size() < 200) {
                rows.add(new TableRows.RuleRow(new LinkedHashMap<>(last.cells())));
            }
            // 1,000 scenarios: the shipped ones, repeated
            List<String> lines = Files.readAllLines(Path.of("rules/credit-tiers.scenarios.csv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
            int scenarios = 0;
            while (scenarios < 1000) {
                for (String line : lines.subList(1, lines.size())) {
                    if (scenarios++ < 1000) {
                        csv.append(line).append('\n');
                    }
                }
            }
            TableDraft draft = drafts.fromRows(CreditTierTable.NAME, rows, csv.toString(), "benchmark", "bench");

            // 100,000 logged decisions of the last 30 days, from the scenarios' inputs
            var parsed = Scenarios.parse(table, csv.toString());
            List<String[]> io = new ArrayList<>();
            for (var scenario : parsed.subList(0, lines.size() - 1)) {
                CreditInput input = Scenarios.input(table, scenario);
                io.add(new String[]{json.writeValueAsString(input), json.writeValueAsString(decisions.evaluate(table, input).output())});
            }
            Instant now = Instant.now();
            List<Object[]> batch = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                String[] pair = io.get(i % io.size());
                batch.add(new Object[]{CreditTierTable.NAME, version, "0".repeat(64), "BENCH", String.valueOf(i), pair[0], pair[1],
                        Timestamp.from(now.minusSeconds(i % (29L * 86_400)))});
                if (batch.size() == 5_000) {
                    insert(jdbc, batch);
                    batch.clear();
                }
            }
            insert(jdbc, batch);

            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= 5; run++) {
                long t0 = System.nanoTime();
                DraftReport report = drafts.check(CreditTierTable.NAME, draft.id(), "bench");
                double s = (System.nanoTime() - t0) / 1e9;
                seconds.add(s);
                System.out.printf(Locale.ROOT, "run %d: %.2f s (compiles %s, %d scenarios, %d failed; %d decisions replayed, %d changed;"
                                + " %d inputs, %d gaps, %d rows never fire)%n", run, s, report.compiles(), report.scenarios().size(),
                        report.scenariosFailed(), report.replay().decisions(), report.replay().changed(),
                        report.completeness().inputs(), report.completeness().gaps(), report.completeness().rows().size());
            }
            seconds.sort(null);
            System.out.printf(Locale.ROOT, "draft check (200 rows, 1,000 scenarios, 100,000 logged decisions): median %.2f s,"
                    + " best %.2f s, worst %.2f s (target: under 10 s)%n", seconds.get(2), seconds.get(0), seconds.get(4));
        } finally {
            app.close();
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("INSERT INTO to_decisions (table_name, table_version, content_hash, subject_type, subject_id, input, output,"
                + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch);
    }

}
