package org.ticketops.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import org.ticketops.complaint.ComplaintCase;
import org.ticketops.complaint.HandledComplaints;
import org.ticketops.monitor.DeadlineTimers;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.sales.SellerFigures;

/**
 * A staff member's KPIs for a month, from what the engine recorded (who completed which task, when it was created,
 * which deadline timers fired while they held a task) and the center's tables (complaints' ratings, orders they sold).
 * Nothing is typed in by hand. Their own performance reviews are left out.
 */
@Component
class KpiCollector {

    private final HistoryService history;
    private final DeadlineTimers deadlines;
    private final HandledComplaints complaints;
    private final SellerFigures sales;
    private final ZoneId zone;

    KpiCollector(HistoryService history, DeadlineTimers deadlines, HandledComplaints complaints, SellerFigures sales,
                 TicketOpsProperties ticketOps) {
        this.history = history;
        this.deadlines = deadlines;
        this.complaints = complaints;
        this.sales = sales;
        this.zone = ticketOps.zone();
    }

    Kpis collect(String employee, YearMonth period) {
        Instant from = period.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<HistoricTaskInstance> completed = completedBy(employee, from, to);
        long[] waits = completed.stream().mapToLong(t -> t.getEndTime().getTime() - t.getStartTime().getTime()).sorted().toArray();
        Set<String> refunds = new LinkedHashSet<>();
        completed.stream().filter(t -> REFUND_PROCESS.equals(t.getProcessDefinitionKey()))
                .forEach(t -> refunds.add(t.getProcessInstanceId()));
        HandledComplaints.Satisfaction rated = complaints.satisfaction(complaintsWorkedOn(employee, to), from, to);
        SellerFigures.Figures sold = sales.soldBy(employee, from, to);
        int breached = breaches(employee, from, to);
        LocalDate last = period.atEndOfMonth();
        String method = String.join("\n",
                "Period: " + period.atDay(1) + " to " + last + " (" + zone + ").",
                "Tasks completed: the user tasks they completed in the period, as the engine logged who completed each"
                        + " (performance reviews left out).",
                "Wait p50/p90: from a task's creation to its completion, over those tasks (median and 90th percentile).",
                "Deadlines breached: deadline timers (timer boundary events not marked as warnings) that fired in the period"
                        + " while they held a task of that case.",
                "Satisfaction: mean score (1 to 5) of the complaints they worked on that the customer rated in the period ("
                        + rated.rated() + " rated).",
                "Refunds handled: refund and exchange requests in which they completed a task in the period.",
                "Tickets sold and revenue: the orders they sold in the period, totals as sold.");
        return new Kpis(completed.size(), percentile(waits, 50) / 1000, percentile(waits, 90) / 1000, breached,
                rated.mean(), (int) rated.rated(), refunds.size(), (int) sold.tickets(),
                sold.revenue().setScale(2, java.math.RoundingMode.HALF_UP), method);
    }

    static final String REFUND_PROCESS = "refundExchange";

    /** The tasks whose completion the engine logged under their name, in the period. */
    private List<HistoricTaskInstance> completedBy(String employee, Instant from, Instant to) {
        Set<String> ids = new LinkedHashSet<>();
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery().userId(employee)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).entityType(EntityTypes.TASK)
                .afterTimestamp(new Date(from.toEpochMilli() - 1)).beforeTimestamp(Date.from(to)).list()) {
            if (entry.getTaskId() != null) {
                ids.add(entry.getTaskId());
            }
        }
        // most were claimed first (Tasklist does): one query; the few completed unclaimed (over REST) one by one
        List<HistoricTaskInstance> tasks = new ArrayList<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().taskAssignee(employee).finished()
                .finishedAfter(new Date(from.toEpochMilli() - 1)).finishedBefore(Date.from(to)).list()) {
            if (ids.remove(task.getId())) {
                tasks.add(task);
            }
        }
        for (String id : ids) {
            HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(id).finished().singleResult();
            if (task != null) {
                tasks.add(task);
            }
        }
        tasks.removeIf(t -> PerformanceCycleCase.PROCESS_KEY.equals(t.getProcessDefinitionKey()));
        return tasks;
    }

    /** The complaints in which they completed a task, up to the period's end (rated later than they worked on it). */
    private Set<String> complaintsWorkedOn(String employee, Instant to) {
        Set<String> ids = new LinkedHashSet<>();
        history.createHistoricTaskInstanceQuery().processDefinitionKey(ComplaintCase.PROCESS_KEY).taskAssignee(employee)
                .finished().finishedBefore(Date.from(to)).list().forEach(t -> ids.add(t.getProcessInstanceId()));
        return ids;
    }

    /** Deadline timers that fired in the period while one of their tasks it watched was open. */
    private int breaches(String employee, Instant from, Instant to) {
        Map<String, List<HistoricTaskInstance>> held = new HashMap<>();
        List<HistoricTaskInstance> tasks = new ArrayList<>(history.createHistoricTaskInstanceQuery().taskAssignee(employee)
                .startedBefore(Date.from(to)).finishedAfter(Date.from(from)).list());
        tasks.addAll(history.createHistoricTaskInstanceQuery().taskAssignee(employee).startedBefore(Date.from(to))
                .unfinished().list());
        tasks.stream().filter(t -> !PerformanceCycleCase.PROCESS_KEY.equals(t.getProcessDefinitionKey()))
                .forEach(t -> held.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
        int breached = 0;
        for (Map.Entry<String, List<HistoricTaskInstance>> instance : held.entrySet()) {
            for (HistoricActivityInstance timer : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getKey()).activityType("boundaryTimer").list()) {
                Instant fired = timer.getStartTime().toInstant();
                if (fired.isBefore(from) || !fired.isBefore(to)
                        || !deadlines.isDeadline(timer.getProcessDefinitionId(), timer.getActivityId())) {
                    continue;
                }
                boolean theirs = instance.getValue().stream().anyMatch(t -> !t.getStartTime().toInstant().isAfter(fired)
                        && (t.getEndTime() == null || !t.getEndTime().toInstant().isBefore(fired)));
                if (theirs) {
                    breached++;
                }
            }
        }
        return breached;
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP);
    }
}
