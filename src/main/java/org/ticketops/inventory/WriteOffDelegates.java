package org.ticketops.inventory;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.text;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;

/** The steps of {@code processes/inventory-write-off.bpmn}: the night's write-offs, each approved when above the limit. */
@Configuration(proxyBeanMethods = false)
class WriteOffDelegates {

    @Bean
    JavaDelegate findWriteOffs(WriteOffs writeOffs) {
        return execution -> {
            List<Long> ids = writeOffs.findDue(execution.getProcessInstanceId());
            execution.setVariable("writeOffIds", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
            execution.setVariable("writeOffCount", ids.size());
        };
    }

    @Bean
    TaskListener writeOffTaskCreated(WriteOffs writeOffs, TicketOpsProperties ticketOps) {
        ZoneId zone = ticketOps.zone();
        return task -> {
            WriteOff w = writeOffs.writeOff(writeOffId(task));
            task.setName("Approve write-off · " + w.businessKey() + " · " + w.eventName() + " · " + Display.money(w.amount()));
            task.setVariableLocal("writeOffTitle", "Write-off " + w.businessKey() + ": " + w.eventName() + " · "
                    + Display.time(w.showStartsAt(), zone) + " · " + w.categoryName());
            task.setVariableLocal("writeOffSummary", (w.reason().equals("CANCELLED") ? "The show was cancelled and its refunds are done."
                    : "The show has ended.") + " Unsold: " + w.unsoldQty() + " · void: " + w.voidQty() + " · unit cost "
                    + (w.unitCost() == null ? "not recorded" : Display.money(w.unitCost())) + " · value **" + Display.money(w.amount())
                    + "**");
        };
    }

    @Bean
    TaskListener writeOffDecided(WriteOffs writeOffs) {
        return task -> {
            writeOffs.decide(writeOffId(task), text(task, "writeOffDecision"), text(task, "writeOffComment"), actor(task));
            task.removeVariables(List.of("writeOffDecision", "writeOffComment"));
        };
    }

    @Bean
    JavaDelegate postWriteOff(WriteOffs writeOffs) {
        return execution -> {
            WriteOff w = writeOffs.writeOff(writeOffId(execution));
            writeOffs.post(w.id(), w.decidedBy() == null ? "system" : w.decidedBy());
        };
    }

    /** What the write-offs' gateways route on (public: EL calls it). */
    @Bean("writeOffRouting")
    Routing writeOffRouting(WriteOffs writeOffs) {
        return new Routing(writeOffs);
    }

    public static class Routing {
        private final WriteOffs writeOffs;

        Routing(WriteOffs writeOffs) {
            this.writeOffs = writeOffs;
        }

        public boolean needsApproval(Object id) {
            return writeOffs.writeOff(Long.parseLong(id.toString())).needsApproval();
        }

        public boolean approved(Object id) {
            return !WriteOffCase.REFUSED.equals(writeOffs.writeOff(Long.parseLong(id.toString())).status());
        }
    }

    static long writeOffId(VariableScope scope) {
        return Long.parseLong(scope.getVariable("writeOffId").toString());
    }
}
