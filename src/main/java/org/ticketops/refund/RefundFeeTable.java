package org.ticketops.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/refund-fees.xlsx}: whether a ticket may be refunded or exchanged and at what fee. The
 * table decides allowed / rejection code / fee percent and the minimum fee per ticket type; the
 * arithmetic (rounding, minimum, cap at the price) is fixed here.
 */
@Component
public class RefundFeeTable extends DecisionTableDescriptor<RefundFeeInput, RefundFeeOutput> {

    public static final String NAME = DecisionTableNames.REFUND_FEES;
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public RefundFeeTable() {
        super(NAME, "Refund and exchange fees", RefundFeeInput.class, RefundFeeOutput.class);
    }

    @Override
    public RefundFeeOutput decide(RefundFeeInput input, Rules rules) {
        RefundFeeRuling ruling = new RefundFeeRuling();
        rules.fire(Map.of("result", ruling), input);
        if (!ruling.matched()) {
            throw new NoRuleMatched(NAME, input);
        }
        if (!ruling.allowed()) {
            return new RefundFeeOutput(false, ruling.rejectionCode(), 0, ZERO, ZERO, ZERO);
        }
        return priced(input, ruling.feePercent(), ruling.minimumFee());
    }

    static RefundFeeOutput priced(RefundFeeInput input, int percent, BigDecimal minimumFee) {
        BigDecimal price = input.ticketPrice().setScale(2, RoundingMode.HALF_UP);
        BigDecimal minimum = percent > 0 && minimumFee != null ? minimumFee.setScale(2, RoundingMode.HALF_UP) : ZERO;
        BigDecimal fee = ZERO;
        if (percent > 0) {
            BigDecimal share = price.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            fee = share.max(minimum).min(price);
        }
        BigDecimal refund = input.requestType() == RefundRequestType.REFUND ? price.subtract(fee) : ZERO;
        return new RefundFeeOutput(true, null, percent, minimum, fee, refund);
    }
}
