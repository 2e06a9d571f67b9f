package org.ticketops.identity;

import java.util.List;

/** The center's staff groups; each sees and starts only its own processes and tasks. */
public final class Groups {

    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String TICKET_SALES = "ticket-sales";
    public static final String FINANCE = "finance";
    public static final String PROCUREMENT = "procurement";
    public static final String OPERATIONS_MANAGER = "operations-manager";
    public static final String GENERAL_MANAGER = "general-manager";
    public static final String HR = "hr";
    public static final String ADMIN = "camunda-admin";

    /** Group ids with the names shown in Tasklist and Admin. */
    public static final List<List<String>> ALL = List.of(
            List.of(CUSTOMER_SERVICE, "Customer service"),
            List.of(TICKET_SALES, "Ticket sales"),
            List.of(FINANCE, "Finance"),
            List.of(PROCUREMENT, "Procurement"),
            List.of(OPERATIONS_MANAGER, "Operations managers"),
            List.of(GENERAL_MANAGER, "General manager"),
            List.of(HR, "Human resources"),
            List.of(ADMIN, "Administrators"));

    /** Spring Security authority of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }

    private Groups() {
    }
}
