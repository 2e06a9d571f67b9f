package org.ticketops.bench;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

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
import org.ticketops.decision.DecisionService;
import org.ticketops.refund.RefundFeeInput;
import org.ticketops.refund.RefundFeeOutput;
import org.ticketops.refund.RefundFeeTable;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRequestType;

/**
 * Refund-fee evaluations per second on one thread, through the decision service of a started
 * application (the table version in force, compiled once, a stateless session per evaluation).
 * Run: {@code mvn -Pbench verify} (prints the figure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RefundFeeBenchmark {

    private ConfigurableApplicationContext context;
    private DecisionService decisions;
    private RefundFeeTable table;
    private RefundFeeInput[] inputs;
    private int next;

    @Setup
    public void start() {
        context = new SpringApplicationBuilder(TicketOpsApplication.class)
                .properties("ticketops.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:bench", "logging.level.root=WARN",
                        "spring.main.banner-mode=off", "server.port=0")
                .run();
        decisions = context.getBean(DecisionService.class);
        table = context.getBean(RefundFeeTable.class);
        RefundRequestType[] types = RefundRequestType.values();
        RefundReason[] reasons = RefundReason.values();
        TicketType[] tickets = TicketType.values();
        MemberTier[] tiers = MemberTier.values();
        int[] hours = {-5, 0, 1, 2, 47, 48, 167, 168, 719, 720, 2000};
        inputs = new RefundFeeInput[1024];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new RefundFeeInput(types[i % types.length], reasons[(i / 2) % reasons.length],
                    hours[(i / 8) % hours.length], tickets[(i / 3) % tickets.length], tiers[(i / 5) % tiers.length],
                    new BigDecimal(80 + (i * 37) % 2000).setScale(2));
        }
        decisions.evaluate(table, inputs[0]);
    }

    @TearDown
    public void stop() {
        context.close();
    }

    @Benchmark
    public Decision<RefundFeeOutput> evaluateRefundFee() {
        RefundFeeInput input = inputs[next++ & (inputs.length - 1)];
        return decisions.evaluate(table, input);
    }
}
