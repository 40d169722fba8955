package org.hms.hub.order.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.hms.hub.order.control.OrderStatusModel.Verdict;
import org.junit.jupiter.api.Test;

class OrderStatusModelTest {

    @Test
    void movesForwardOneStepOrSeveral() {
        assertThat(OrderStatusModel.check("pending", "processing")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("pending", "fulfilled")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("processing", "completed")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("fulfilled", "completed")).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesToMoveBackwards() {
        assertThat(OrderStatusModel.check("fulfilled", "processing")).isEqualTo(Verdict.INVALID);
        assertThat(OrderStatusModel.check("processing", "pending")).isEqualTo(Verdict.INVALID);
    }

    @Test
    void cancelsOnlyBeforeFulfilment() {
        assertThat(OrderStatusModel.check("pending", "cancelled")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("processing", "cancelled")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("fulfilled", "cancelled")).isEqualTo(Verdict.INVALID);
    }

    @Test
    void keepsFinalStatusesFinal() {
        for (String to : OrderStatusModel.STATUSES) {
            if (!to.equals("completed")) {
                assertThat(OrderStatusModel.check("completed", to)).as("completed → " + to).isEqualTo(Verdict.INVALID);
            }
            if (!to.equals("cancelled")) {
                assertThat(OrderStatusModel.check("cancelled", to)).as("cancelled → " + to).isEqualTo(Verdict.INVALID);
            }
        }
        assertThat(OrderStatusModel.refusal("completed", "processing")).contains("completed already");
    }

    @Test
    void treatsTheSameStatusAsNoChangeAndUnknownOnesAsInvalid() {
        assertThat(OrderStatusModel.check("processing", "processing")).isEqualTo(Verdict.SAME);
        assertThat(OrderStatusModel.check(null, "pending")).isEqualTo(Verdict.VALID);
        assertThat(OrderStatusModel.check("pending", "shipped")).isEqualTo(Verdict.INVALID);
        assertThat(OrderStatusModel.check(null, "shipped")).isEqualTo(Verdict.INVALID);
        assertThat(OrderStatusModel.refusal("pending", "shipped")).contains("not an order status");
    }
}
