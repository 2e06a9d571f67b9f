package org.ticketops.survey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseDefinition;
import org.ticketops.casework.CaseNotifications;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;

/**
 * Surveys: an invitation per customer and subject (a closed complaint, ...) with a single-use token of 256 random bits
 * valid for {@code ticketops.surveys.validity}, sent through the outbox to a customer who agreed to be contacted; the
 * answer is taken once (one conditional update), never after the link expired.
 */
@Service
public class SurveyService {

    public static final String TEMPLATE = "survey-invitation";
    /** The payload fields of {@value #TEMPLATE}, for the case definitions that send it. */
    public static final java.util.Set<String> FIELDS = java.util.Set.of("customerName", "link", "validUntil", "about");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyMapper surveys;
    private final CustomerService customers;
    private final CaseNotifications notifications;
    private final org.ticketops.notification.NotificationOutbox outbox;
    private final SurveyProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    SurveyService(SurveyMapper surveys, CustomerService customers, CaseNotifications notifications,
                  org.ticketops.notification.NotificationOutbox outbox, SurveyProperties properties, Clock clock,
                  TicketOpsProperties ticketOps) {
        this.outbox = outbox;
        this.surveys = surveys;
        this.customers = customers;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    /**
     * The day after a show, a sample of its buyers is asked how it was: every PLATINUM member, and of the others the
     * share {@code ticketops.surveys.sample-rate}, drawn by a stable hash of customer and show (a repeated run draws
     * the same ones, and invites nobody twice). How many were invited now.
     */
    @Transactional
    public int inviteAudiences(java.time.LocalDate showDay) {
        Instant from = showDay.atStartOfDay(zone).toInstant();
        int invited = 0;
        for (SurveyMapper.Buyer buyer : surveys.buyers(from, showDay.plusDays(1).atStartOfDay(zone).toInstant())) {
            Customer customer = customers.get(buyer.customerId);
            boolean sampled = customer.memberTier() == org.ticketops.customer.MemberTier.PLATINUM
                    || Math.floorMod(java.util.Objects.hash(buyer.customerId, buyer.showId), 1000) < properties.sampleRate() * 1000;
            if (sampled && invite(null, buyer.customerId, "SHOW", String.valueOf(buyer.showId), "the show you saw")) {
                invited++;
            }
        }
        return invited;
    }

    /** Where a token stands, for the public page. */
    public enum State { OPEN, EXPIRED, ANSWERED, UNKNOWN }

    /**
     * Invites the customer to a survey about the subject, once; false when they did not agree to be contacted, have
     * no address, or were invited about it already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean invite(CaseDefinition definition, long customerId, String subjectType, String subjectId, String about) {
        Customer customer = customers.get(customerId);
        if (!customer.consentToContact() || !customer.active()) {
            return false;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.validity());
        try {
            surveys.insert(token, customerId, subjectType, subjectId, now, expires);
        } catch (DuplicateKeyException e) {
            return false;
        }
        Map<String, Object> payload = Map.of("customerName", customer.name(), "link", properties.publicUrl() + "/survey/" + token,
                "validUntil", Display.time(expires, zone), "about", about);
        String key = "survey-" + subjectType + "-" + subjectId + "-" + customerId;
        if (definition == null) { // not about a case (a show's audience): straight to the outbox
            boolean byEmail = customer.email() != null && !customer.email().isBlank();
            if (!byEmail && (customer.phone() == null || customer.phone().isBlank())) {
                return false;
            }
            return outbox.enqueue(byEmail ? org.ticketops.notification.Notification.Channel.EMAIL
                    : org.ticketops.notification.Notification.Channel.SMS, byEmail ? customer.email() : customer.phone(),
                    TEMPLATE, payload, subjectType, subjectId + "-" + customerId, key);
        }
        return notifications.enqueueToCustomer(definition, subjectId, customer.email(), customer.phone(), TEMPLATE,
                payload, key).queued();
    }

    public State state(String token) {
        Optional<Survey> survey = token == null || token.length() > 64 ? Optional.empty() : surveys.byToken(token);
        if (survey.isEmpty()) {
            return State.UNKNOWN;
        }
        if (survey.get().submittedAt() != null) {
            return State.ANSWERED;
        }
        return survey.get().expiresAt().isAfter(clock.instant()) ? State.OPEN : State.EXPIRED;
    }

    /** Takes the answer once; the state the token is in after it (ANSWERED on success). */
    @Transactional
    public State submit(String token, Integer score, Integer nps, String comment) {
        State before = state(token);
        if (before != State.OPEN) {
            return before;
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidField("score", "must be from 1 to 5");
        }
        if (nps == null || nps < 0 || nps > 10) {
            throw new InvalidField("nps", "must be from 0 to 10");
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidField("comment", "is at most 2,000 characters");
        }
        int taken = surveys.submit(token, score, nps, comment == null || comment.isBlank() ? null : comment.strip(), clock.instant());
        return taken == 1 ? State.ANSWERED : state(token);
    }

    /** The customer's newest survey invitations and answers, for their history. */
    public List<Survey> ofCustomer(long customerId, int limit) {
        return surveys.ofCustomer(customerId, limit);
    }

    public List<Survey> about(String subjectType, String subjectId) {
        return surveys.bySubject(subjectType, subjectId);
    }
}
