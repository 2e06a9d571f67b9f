package org.ticketops.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo log-ins of the default profile; each password is the user id. */
public final class DemoUsers {

    /** User id → its groups, in the order the README lists them. */
    public static final Map<String, List<String>> USERS;

    static {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("demo", Groups.ALL.stream().map(g -> g.get(0)).toList());
        users.put("amy", List.of(Groups.CUSTOMER_SERVICE));
        users.put("carl", List.of(Groups.CUSTOMER_SERVICE));
        users.put("fiona", List.of(Groups.FINANCE));
        users.put("paul", List.of(Groups.PROCUREMENT));
        users.put("olivia", List.of(Groups.OPERATIONS_MANAGER));
        users.put("gary", List.of(Groups.GENERAL_MANAGER));
        users.put("hanna", List.of(Groups.HR));
        users.put("sam", List.of(Groups.TICKET_SALES));
        USERS = java.util.Collections.unmodifiableMap(users);
    }

    static final Map<String, String[]> NAMES = Map.of(
            "demo", new String[]{"Demo", "Admin"}, "amy", new String[]{"Amy", "Chen"},
            "carl", new String[]{"Carl", "Wang"}, "fiona", new String[]{"Fiona", "Li"},
            "paul", new String[]{"Paul", "Zhang"}, "olivia", new String[]{"Olivia", "Liu"},
            "gary", new String[]{"Gary", "Zhou"}, "hanna", new String[]{"Hanna", "Wu"},
            "sam", new String[]{"Sam", "Huang"});

    private DemoUsers() {
    }
}
