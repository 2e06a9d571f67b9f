package org.ticketops.complaint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;

/**
 * What a complaint task shows: a name that tells it apart, and the complaint for the form (text only: the customer's
 * words are shown as they were typed, never as markup).
 */
@Component
class ComplaintTaskContext {

    private final ComplaintService complaints;
    private final java.time.Clock clock;
    private final ZoneId zone;

    ComplaintTaskContext(ComplaintService complaints, java.time.Clock clock, TicketOpsProperties ticketOps) {
        this.complaints = complaints;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    String taskName(String name, long id) {
        Complaint c = complaints.complaint(id);
        return (name == null ? "Task" : name.split(" · ")[0]) + " · " + c.complaintNumber() + " · "
                + Display.words(c.severity()) + " · " + Display.words(c.category()) + (c.level() > 0 ? " (level " + c.level() + ")" : "");
    }

    Map<String, Object> formSummaries(long id) {
        Complaint c = complaints.complaint(id);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("complaintTitle", "Complaint " + c.complaintNumber() + " from " + c.customerName());
        form.put("complaintSummary", Display.words(c.category()) + " · " + Display.words(c.severity()) + " · by "
                + Display.words(c.channel()) + (c.orderId() == null ? "" : " · order " + c.orderId())
                + " · registered " + Display.time(c.registeredAt(), zone) + " by " + c.registeredBy()
                + "\n\nResponsible: " + c.responsibleGroup() + (c.level() > 0 ? " · escalated to level " + c.level() : ""));
        form.put("complaintDescription", c.description());
        form.put("deadlineSummary", "First response " + (c.firstRespondedAt() != null ? "given " + Display.time(c.firstRespondedAt(), zone)
                : "due " + Display.time(c.firstResponseDue(), zone) + left(c.firstResponseDue())) + "\n\nResolution due "
                + Display.time(c.resolutionDue(), zone) + left(c.resolutionDue()));
        form.put("pauseSummary", complaints.pauses(id).isEmpty() ? "No pause." : complaints.pauses(id).stream()
                .map(p -> "Asked " + Display.time(p.pausedAt(), zone) + ": " + p.asked() + (p.resumedAt() == null ? " (waiting)"
                        : " · replied " + Display.time(p.resumedAt(), zone) + ": " + p.reply())).collect(Collectors.joining("\n\n")));
        form.put("findingsSummary", c.findings() == null ? "Not investigated yet." : c.findings() + "\n\nRoot cause: "
                + Display.words(c.rootCause()) + " · resolution: " + Display.words(c.resolution())
                + (c.compensationAmount() == null ? "" : "\n\nVoucher " + Display.money(c.compensationAmount()) + " (the table suggested "
                + Display.money(c.compensationSuggested()) + (c.compensationComment() == null ? "" : "; " + c.compensationComment())
                + ") proposed by " + c.investigatedBy() + (c.voucherNumber() == null ? "" : " · credit note " + c.voucherNumber())));
        return form;
    }

    private String left(Instant due) {
        long minutes = java.time.Duration.between(clock.instant(), due).toMinutes();
        return minutes < 0 ? " (passed)" : " (" + (minutes >= 120 ? minutes / 60 + " h" : minutes + " min") + " left)";
    }
}
