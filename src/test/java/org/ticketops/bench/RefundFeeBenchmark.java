package org.ticketops.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.ticketops.TicketOpsApplication;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionEvaluator;
import org.ticketops.decision.DecisionService;
import org.ticketops.refund.RefundFeeInput;
import org.ticketops.refund.RefundFeeOutput;
import org.ticketops.refund.RefundFeeTable;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRequestType;

/**
 * Refund-fee decisions per second on one thread, in one run: through the decision service of a started application
 * (the version in force, as refund requests decide), beside bare Drools on the same spreadsheet (compiled the same
 * way, a stateless session, the global set per call) and Camunda's DMN engine on the same rules written as DMN
 * ({@code src/test/resources/bench/refund-fees-*.dmn}: FEEL, the default, and JUEL input entries). Each answers the
 * same 1,024 inputs in turn. Run: {@code mvn -Pbench verify} (prints the figures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RefundFeeBenchmark {

    private ConfigurableApplicationContext context;
    private DecisionEvaluator decisions;
    private RefundFeeTable table;
    private StatelessKieSession bareDrools;
    private DmnEngine dmn;
    private DmnDecision[] feel;
    private DmnDecision[] juel;
    private RefundFeeInput[] inputs;
    private Map<String, Object>[] variables;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void start() throws Exception {
        // as arguments, so that they win over application.yml (default properties would not)
        context = new SpringApplicationBuilder(TicketOpsApplication.class).run("--ticketops.demo.enabled=false", "--ticketops.payments.provider=none",
                "--camunda.bpm.job-execution.enabled=false", "--spring.datasource.url=jdbc:h2:mem:bench",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--server.port=0",
                "--ticketops.admin.user=bench", "--ticketops.admin.password=Tick3t-Ops!Strong");
        decisions = context.getBean(DecisionService.class).evaluator();
        table = context.getBean(RefundFeeTable.class);
        bareDrools = bareDrools(Files.readAllBytes(Path.of("rules", "refund-fees.xlsx")));
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        feel = decisions("/bench/refund-fees-feel.dmn");
        juel = decisions("/bench/refund-fees-juel.dmn");
        RefundRequestType[] types = RefundRequestType.values();
        RefundReason[] reasons = RefundReason.values();
        TicketType[] tickets = TicketType.values();
        MemberTier[] tiers = MemberTier.values();
        int[] hours = {-5, 0, 1, 2, 47, 48, 167, 168, 719, 720, 2000};
        inputs = new RefundFeeInput[1024];
        variables = new Map[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new RefundFeeInput(types[i % types.length], reasons[(i / 2) % reasons.length],
                    hours[(i / 8) % hours.length], tickets[(i / 3) % tickets.length], tiers[(i / 5) % tiers.length],
                    new BigDecimal(80 + (i * 37) % 2000).setScale(2));
            Map<String, Object> v = new HashMap<>();
            v.put("reason", inputs[i].reason().name());
            v.put("requestType", inputs[i].requestType().name());
            v.put("hoursBeforeShow", inputs[i].hoursBeforeShow());
            v.put("ticketType", inputs[i].ticketType().name());
            v.put("memberTier", inputs[i].memberTier().name());
            variables[i] = v;
        }
        for (int i = 0; i < inputs.length; i++) { // the four agree on every input before anything is timed
            RefundFeeOutput service = decisions.evaluate(table, inputs[i]).output();
            RefundFeeOutput drools = drools(inputs[i]);
            if (!service.equals(drools) || service.feePercent() != fee(dmn, feel, variables[i])
                    || service.feePercent() != fee(dmn, juel, variables[i])) {
                throw new IllegalStateException("The four disagree on " + inputs[i]);
            }
        }
    }

    @TearDown
    public void stop() {
        context.close();
    }

    @Benchmark
    public Decision<RefundFeeOutput> decisionService() {
        return decisions.evaluate(table, inputs[next++ & (inputs.length - 1)]);
    }

    @Benchmark
    public RefundFeeOutput bareDrools() {
        return drools(inputs[next++ & (inputs.length - 1)]);
    }

    @Benchmark
    public int dmnFeel() {
        return fee(dmn, feel, variables[next++ & (inputs.length - 1)]);
    }

    @Benchmark
    public int dmnJuel() {
        return fee(dmn, juel, variables[next++ & (inputs.length - 1)]);
    }

    private RefundFeeOutput drools(RefundFeeInput input) {
        return table.decide(input, (globals, facts) -> {
            globals.forEach(bareDrools::setGlobal);
            bareDrools.execute(List.of(facts[0]));
        });
    }

    /** The refund rule, then the minimum fee when a fee is due (as the spreadsheet's two tables). */
    private static int fee(DmnEngine engine, DmnDecision[] decisions, Map<String, Object> variables) {
        DmnDecisionTableResult rule = engine.evaluateDecisionTable(decisions[0], variables);
        if (rule.isEmpty()) {
            return -1;
        }
        Object allowed = rule.getFirstResult().get("allowed");
        Object percent = rule.getFirstResult().get("feePercent");
        int fee = Boolean.TRUE.equals(allowed) && percent != null ? ((Number) percent).intValue() : 0;
        if (fee > 0) {
            engine.evaluateDecisionTable(decisions[1], variables);
        }
        return fee;
    }

    private DmnDecision[] decisions(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            List<DmnDecision> parsed = dmn.parseDecisions(in);
            DmnDecision rule = parsed.stream().filter(d -> d.getKey().equals("refundRule")).findFirst().orElseThrow();
            DmnDecision minimum = parsed.stream().filter(d -> d.getKey().equals("minimumFee")).findFirst().orElseThrow();
            return new DmnDecision[]{rule, minimum};
        }
    }

    private static StatelessKieSession bareDrools(byte[] xlsx) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId("org.ticketops.bench", "refund-fees", "1.0.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(release);
        // Drools takes a spreadsheet as a decision table only by this suffix
        files.write("src/main/resources/org/ticketops/bench/refundfees/refund-fees.drl.xlsx", xlsx);
        ClassLoader loader = RefundFeeBenchmark.class.getClassLoader();
        var builder = kie.newKieBuilder(files, loader).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().toString());
        }
        KieBase base = kie.newKieContainer(release, loader).getKieBase();
        return base.newStatelessKieSession();
    }
}
