package org.ticketops.performance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Starts a month's cycle (by hand or on the schedule) and registers it: the cycle's case, and a review with its own
 * case for each member of the reviewed groups. A period has one cycle: the API checks first, the database's unique
 * key settles a race (two nodes on the schedule), and the loser changes nothing.
 */
@Service
public class PerformanceCycles {

    private static final Logger log = LoggerFactory.getLogger(PerformanceCycles.class);

    record Pending(YearMonth period, String user) {
    }

    private final PerformanceMapper mapper;
    private final CaseService cases;
    private final PerformanceCycleCase cycleCase;
    private final PerformanceReviewCase reviewCase;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final TicketOpsProperties ticketOps;

    PerformanceCycles(PerformanceMapper mapper, CaseService cases, PerformanceCycleCase cycleCase,
                      PerformanceReviewCase reviewCase, RuntimeService runtime, IdentityService identity, Clock clock,
                      TicketOpsProperties ticketOps) {
        this.mapper = mapper;
        this.cases = cases;
        this.cycleCase = cycleCase;
        this.reviewCase = reviewCase;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
        this.ticketOps = ticketOps;
    }

    /** Starts the cycle of {@code period}; 409 when it exists, 400 for a month that has not ended. */
    public Cycle start(YearMonth period, String user) {
        if (period == null) {
            throw new InvalidField("period", "is required, as YYYY-MM");
        }
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), ticketOps.zone()));
        if (!period.isBefore(current)) {
            throw new InvalidField("period", "must be a month that has ended (before " + current + ")");
        }
        if (mapper.cycleOf(period.toString()) != null) {
            throw new PerformanceProblems.CycleExists(period.toString());
        }
        try {
            String processInstanceId = ProcessIntake.start(runtime, PerformanceCycleCase.PROCESS_KEY, new Pending(period, user));
            log.info("Performance cycle {} started by {} ({})", period, user, processInstanceId);
        } catch (RuntimeException raced) {
            for (Throwable cause = raced; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) { // another start of this period won
                    throw new PerformanceProblems.CycleExists(period.toString());
                }
            }
            throw raced;
        }
        return mapper.cycleOf(period.toString());
    }

    /** The monthly start ({@code ticketops.performance.cycle}, in the center's zone): the month before, once. */
    @Scheduled(cron = "${ticketops.performance.cycle:0 0 9 1 * *}", zone = "${ticketops.zone:Asia/Shanghai}")
    public void startScheduled() {
        YearMonth previous = YearMonth.from(LocalDate.ofInstant(clock.instant(), ticketOps.zone())).minusMonths(1);
        try {
            start(previous, "system");
        } catch (PerformanceProblems.CycleExists already) {
            log.info("Performance cycle {} already started; the schedule leaves it", previous);
        }
    }

    /** The first step: the cycle's case and row, and a review for each member. Returns the reviews' ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> register(YearMonth period, String user, String processInstanceId) {
        Case cycle = cases.open(cycleCase, PerformanceCycleCase.businessKey(period), processInstanceId, user);
        var row = new PerformanceMapper.CycleRow();
        row.period = period.toString();
        row.caseId = cycle.id();
        row.processInstanceId = processInstanceId;
        row.startedBy = user;
        row.startedAt = clock.instant();
        mapper.insertCycle(row);
        List<Long> reviews = new ArrayList<>();
        members().forEach((employee, group) -> {
            Case review = cases.open(reviewCase, PerformanceReviewCase.businessKey(period, employee), null, user);
            var r = new PerformanceMapper.ReviewRow();
            r.cycleId = row.id;
            r.caseId = review.id();
            r.employee = employee;
            r.group = group.name();
            mapper.insertReview(r);
            reviews.add(r.id);
        });
        return reviews;
    }

    /** Every member of the reviewed groups, once, with the first of their reviewed groups. */
    Map<String, StaffGroup> members() {
        Map<String, StaffGroup> members = new LinkedHashMap<>();
        for (StaffGroup group : StaffGroup.values()) {
            for (User user : identity.createUserQuery().memberOfGroup(group.groupId()).orderByUserId().asc().list()) {
                members.putIfAbsent(user.getId(), group);
            }
        }
        return members;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void close(long cycleId) {
        Cycle cycle = cycle(cycleId);
        cases.move(cycleCase, cycle.caseId(), PerformanceCycleCase.CLOSED, "system", "every result recorded");
    }

    public Cycle cycle(long id) {
        Cycle cycle = mapper.cycle(id);
        if (cycle == null) {
            throw new NotFound("performance cycle", id);
        }
        return cycle;
    }

    public java.util.Optional<Cycle> cycleOf(YearMonth period) {
        return java.util.Optional.ofNullable(mapper.cycleOf(period.toString()));
    }

    Instant now() {
        return clock.instant();
    }
}
