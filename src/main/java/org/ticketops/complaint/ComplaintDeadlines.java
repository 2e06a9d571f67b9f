package org.ticketops.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.StaffNotifications;
import org.ticketops.catalog.CatalogService;
import org.ticketops.identity.Groups;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;
import org.ticketops.web.NotFound;

/**
 * A complaint's deadlines: the resolution time by severity (capped before a show still ahead), when the warning
 * falls, the warning itself, a breach recorded once per deadline and level, and a level up with a fresh deadline.
 */
@Service
public class ComplaintDeadlines {

    private final ComplaintMapper complaints;
    private final ComplaintCase complaintCase;
    private final CaseService cases;
    private final CatalogService catalog;
    private final StaffNotifications staff;
    private final ComplaintProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintDeadlines(ComplaintMapper complaints, ComplaintCase complaintCase, CaseService cases, CatalogService catalog,
                       StaffNotifications staff, ComplaintProperties properties, AuditTrail audit, Clock clock,
                       TicketOpsProperties ticketOps) {
        this.complaints = complaints;
        this.complaintCase = complaintCase;
        this.cases = cases;
        this.catalog = catalog;
        this.staff = staff;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    /** {@code from} + the severity's resolution time, never later than the cap before a show still ahead. */
    Instant resolutionDue(Instant from, ComplaintSeverity severity, Long showId) {
        Instant due = from.plus(properties.deadlines().resolution(severity));
        if (showId != null) {
            Instant cap = catalog.show(showId).startsAt().minus(properties.beforeShow());
            if (cap.isAfter(from) && cap.isBefore(due)) {
                due = cap; // a show more than the cap ahead: answer before it; closer than that, the usual time
            }
        }
        return due;
    }

    /** When the warning for a deadline falls: the configured share of the time from {@code from} to it. */
    Instant warnAt(Instant from, Instant due) {
        long millis = Duration.between(from, due).toMillis();
        return from.plus(Duration.ofMillis((long) (millis * properties.warnAt())));
    }

    /** A 75 % warning to the group that has the complaint now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int warn(long id, ComplaintEnums.Deadline deadline) {
        Complaint complaint = complaint(id);
        Instant due = deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? complaint.firstResponseDue() : complaint.resolutionDue();
        String group = deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? Groups.CUSTOMER_SERVICE : complaint.investigatorGroup();
        return staff.toGroup(complaintCase, id, group, "complaint-deadline-warning", payload(complaint, deadline, due),
                "complaint-warn-" + id + "-" + deadline + "-" + complaint.level() + "-" + due.toEpochMilli());
    }

    /** The first response is late: the breach is recorded once, operations-manager is told; the task stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void firstResponseBreached(long id) {
        Complaint complaint = complaint(id);
        if (breach(complaint, ComplaintEnums.Deadline.FIRST_RESPONSE, complaint.firstResponseDue())) {
            staff.toGroup(complaintCase, id, Groups.OPERATIONS_MANAGER, "complaint-deadline-breached",
                    payload(complaint, ComplaintEnums.Deadline.FIRST_RESPONSE, complaint.firstResponseDue()),
                    "complaint-breach-" + id + "-first-response");
        }
    }

    /** The resolution is late: the breach is recorded and the complaint goes one level up with a fresh deadline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Complaint resolutionBreached(long id) {
        Complaint complaint = complaint(id);
        if (breach(complaint, ComplaintEnums.Deadline.RESOLUTION, complaint.resolutionDue())) {
            staff.toGroup(complaintCase, id, Groups.OPERATIONS_MANAGER, "complaint-deadline-breached",
                    payload(complaint, ComplaintEnums.Deadline.RESOLUTION, complaint.resolutionDue()),
                    "complaint-breach-" + id + "-resolution-" + complaint.level());
        }
        return levelUp(complaint, "resolution deadline missed");
    }

    Complaint levelUp(Complaint complaint, String why) {
        int level = Math.min(2, complaint.level() + 1);
        Instant due = resolutionDue(clock.instant(), complaint.severity(), complaint.showId());
        complaints.escalate(complaint.id(), complaint.level(), level, due, clock.instant());
        cases.setDue(complaint.caseId(), due);
        audit.record("system", "COMPLAINT_ESCALATED", ComplaintCase.TYPE, complaint.id(), "level " + level + ": " + why);
        return complaint(complaint.id());
    }

    private boolean breach(Complaint complaint, ComplaintEnums.Deadline deadline, Instant due) {
        try {
            complaints.insertBreach(complaint.id(), deadline.name(), complaint.level(), due, clock.instant());
            audit.record("system", "COMPLAINT_" + deadline + "_BREACHED", ComplaintCase.TYPE, complaint.id(),
                    "level " + complaint.level() + ", due " + due);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // recorded already (a retried timer job)
        }
    }

    private Map<String, Object> payload(Complaint complaint, ComplaintEnums.Deadline deadline, Instant due) {
        return Map.of("complaintNumber", complaint.complaintNumber(), "deadline",
                deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? "first response" : "resolution",
                "dueAt", Display.time(due, zone), "category", Display.words(complaint.category()),
                "severity", Display.words(complaint.severity()));
    }

    private Complaint complaint(long id) {
        return complaints.find(id).orElseThrow(() -> new NotFound("Complaint", id));
    }
}
