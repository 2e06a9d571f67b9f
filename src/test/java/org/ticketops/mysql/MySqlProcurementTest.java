package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.procurement.ProcurementMapper;
import org.ticketops.procurement.ProcurementService;
import org.ticketops.procurement.StockRace;
import org.ticketops.procurement.SupplierService;
import org.ticketops.support.MySqlTest;

/** Procurement's tables on MySQL/MariaDB: two deliveries into one category at once, and the weighted unit cost. */
@MySqlTest
class MySqlProcurementTest {

    @Autowired
    ProcurementService procurement;
    @Autowired
    SupplierService suppliers;
    @Autowired
    CatalogService catalog;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcurementMapper costs;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoDeliveriesIntoOneCategoryAtOnceAddExactlyBoth() throws Exception {
        StockRace.run(procurement, suppliers, catalog, tasks, costs, clock);
    }

    @Test
    void theContractNumberAndTheApproverOfAStepAreUniqueInTheDatabase() {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'to_procurement_approvals'
                  AND index_name = 'uq_procurement_approvals_person'""", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'to_procurement_requests'
                  AND index_name = 'uq_procurement_requests_contract'""", Long.class)).isPositive();
    }
}
