package org.ticketops.refund;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.casework.CaseClosed;
import org.ticketops.survey.SurveyService;

/** A refund or exchange request that ended (committed) asks its customer how it went, once, in a transaction of its own. */
@Component
class RefundSurveyInvitation {

    private final SurveyService surveys;
    private final RefundCase refundCase;
    private final RefundMapper requests;
    private final TransactionTemplate fresh;

    RefundSurveyInvitation(SurveyService surveys, RefundCase refundCase, RefundMapper requests,
                           PlatformTransactionManager transactions) {
        this.surveys = surveys;
        this.refundCase = refundCase;
        this.requests = requests;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(CaseClosed event) {
        if (!RefundService.SUBJECT.equals(event.caseType())) {
            return;
        }
        requests.findByCase(event.caseId()).ifPresent(r -> fresh.executeWithoutResult(s -> surveys.invite(refundCase,
                r.customerId(), RefundService.SUBJECT, String.valueOf(r.id()), "your "
                        + (r.type() == RefundRequestType.EXCHANGE ? "exchange" : "refund") + " request " + event.businessKey())));
    }
}
