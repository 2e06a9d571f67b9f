package org.ticketops.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.StaffNotifications;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.identity.Groups;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * The night's risk indicators for a business day, each given a level by rules/risk-warnings.xlsx; WARN and ALERT go
 * to finance and the general manager through the outbox and stay open until someone acknowledges them with a comment.
 * A day's indicator is computed once (a unique key): a rerun changes nothing and tells nobody twice.
 */
@Service
public class RiskWarnings {

    static final String TEMPLATE = "risk-warning";
    static final java.util.Set<String> FIELDS = java.util.Set.of("level", "indicator", "subject", "value", "detail", "day");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NO_SALES_DAYS = BigDecimal.valueOf(999);

    private final RiskMapper mapper;
    private final DecisionService decisions;
    private final RiskWarningsTable table;
    private final StaffNotifications staff;
    private final ReconciliationCase definition;
    private final Clock clock;
    private final ZoneId zone;

    RiskWarnings(RiskMapper mapper, DecisionService decisions, RiskWarningsTable table, StaffNotifications staff,
                 ReconciliationCase definition, Clock clock, TicketOpsProperties ticketOps) {
        this.mapper = mapper;
        this.decisions = decisions;
        this.table = table;
        this.staff = staff;
        this.definition = definition;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    /** Computes, levels, stores and sends the day's indicators; returns them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RiskWarning> compute(LocalDate day, Long reconciliationDayId, String processInstanceId) {
        Instant from = start(day);
        Instant to = start(day.plusDays(1));
        List<RiskWarning> made = new ArrayList<>();
        BigDecimal revenue = mapper.revenue(from, to);
        BigDecimal usual = BigDecimal.ZERO;
        for (int week = 1; week <= 4; week++) {
            usual = usual.add(mapper.revenue(start(day.minusWeeks(week)), start(day.minusWeeks(week).plusDays(1))));
        }
        usual = usual.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
        if (usual.signum() > 0) {
            made.add(level(day, RiskIndicator.REVENUE_CHANGE_PERCENT, "all", percent(revenue.subtract(usual), usual),
                    "Revenue " + revenue + " against " + usual + " on the same weekday of the last 4 weeks", processInstanceId));
        }
        BigDecimal taken = mapper.payments(from, to, "IN");
        if (taken.signum() > 0) {
            BigDecimal paidBack = mapper.payments(from, to, "OUT");
            made.add(level(day, RiskIndicator.REFUND_RATE_PERCENT, "all", percent(paidBack, taken),
                    "Paid back " + paidBack + " of " + taken + " taken", processInstanceId));
            BigDecimal chargebacks = mapper.chargebacks(from, to);
            made.add(level(day, RiskIndicator.CHARGEBACK_RATE_PERCENT, "all", percent(chargebacks, taken),
                    "Chargebacks " + chargebacks + " of " + taken + " taken", processInstanceId));
        }
        BigDecimal unpaid = mapper.unpaidDeposits(to);
        made.add(level(day, RiskIndicator.UNPAID_DEPOSITS, "all", unpaid.setScale(2, RoundingMode.HALF_UP),
                "Deposits past their hold time and unpaid: " + unpaid, processInstanceId));
        if (reconciliationDayId != null) {
            BigDecimal unmatched = mapper.unmatched(reconciliationDayId);
            made.add(level(day, RiskIndicator.UNMATCHED_AMOUNT, "all", unmatched.setScale(2, RoundingMode.HALF_UP),
                    "Settlement mismatches add up to " + unmatched, processInstanceId));
        }
        for (RiskMapper.Upcoming show : mapper.upcoming(start(day.minusDays(6)), to, to.plus(Duration.ofDays(30)))) {
            BigDecimal daysLeft = BigDecimal.valueOf(Duration.between(to, show.startsAt()).toHours())
                    .divide(BigDecimal.valueOf(24), 2, RoundingMode.HALF_UP);
            BigDecimal supply = show.available() == 0 ? BigDecimal.ZERO : show.soldLastWeek() == 0 ? NO_SALES_DAYS
                    : BigDecimal.valueOf(show.available() * 7L).divide(BigDecimal.valueOf(show.soldLastWeek()), 2, RoundingMode.HALF_UP);
            made.add(level(day, RiskIndicator.DAYS_OF_SUPPLY_OVER_SHOW, "show-" + show.showId(), supply.subtract(daysLeft),
                    show.eventName() + ": " + show.available() + " unsold, " + show.soldLastWeek() + " sold in the last 7 days, "
                            + daysLeft + " days to the show", processInstanceId));
        }
        Instant monthStart = start(day.withDayOfMonth(1));
        BigDecimal monthRevenue = mapper.revenue(monthStart, to);
        if (monthRevenue.signum() > 0) {
            BigDecimal stocked = mapper.procurementStocked(monthStart, to);
            made.add(level(day, RiskIndicator.PROCUREMENT_COST_RATIO_PERCENT, "all", percent(stocked, monthRevenue),
                    "Procurement stocked " + stocked + " against revenue " + monthRevenue + " this month", processInstanceId));
        }
        return made;
    }

    private RiskWarning level(LocalDate day, RiskIndicator indicator, String subject, BigDecimal value, String detail,
                              String processInstanceId) {
        RiskWarning existing = mapper.find(day, indicator, subject);
        if (existing != null) {
            return existing;
        }
        Decision<RiskDecision> decision = decisions.decide(table, null, new RiskInput(indicator, value),
                new DecisionSubject("RISK_INDICATOR", day + "/" + indicator + "/" + subject, processInstanceId));
        RiskLevel level = decision.output().level();
        mapper.insert(new RiskWarning(0, day, indicator, subject, value, level, detail.length() > 500 ? detail.substring(0, 500)
                : detail, decision.tableVersion().version(), clock.instant(), null, null, null));
        RiskWarning stored = mapper.find(day, indicator, subject);
        if (level != RiskLevel.INFO) {
            Map<String, Object> payload = Map.of("level", level.name(), "indicator", indicator.name(), "subject", subject,
                    "value", value.toPlainString(), "detail", stored.detail(), "day", day.toString());
            for (String group : List.of(Groups.FINANCE, Groups.GENERAL_MANAGER)) {
                staff.toGroup(definition, stored.id(), group, TEMPLATE, payload, "risk-" + stored.id() + "-" + group);
            }
        }
        return stored;
    }

    /** Someone has looked at a warning: it leaves the open list, with their comment. */
    @Transactional
    public RiskWarning acknowledge(long id, String comment, String user) {
        RiskWarning warning = warning(id);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text == null || text.length() > 2000) {
            throw new InvalidField("comment", "is required, up to 2,000 characters");
        }
        if (warning.level() == RiskLevel.INFO || mapper.acknowledge(id, user, clock.instant(), text) != 1) {
            throw new InvalidField("id", "warning " + id + " is not open");
        }
        return warning(id);
    }

    public RiskWarning warning(long id) {
        RiskWarning warning = mapper.warning(id);
        if (warning == null) {
            throw new NotFound("risk warning", id);
        }
        return warning;
    }

    /** WARN and ALERT not yet acknowledged, newest day first. */
    public List<RiskWarning> open() {
        return mapper.open();
    }

    public List<RiskWarning> ofDay(LocalDate day) {
        return mapper.ofDay(day);
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
