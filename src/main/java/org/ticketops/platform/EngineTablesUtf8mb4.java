package org.ticketops.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create the {@code ACT_*} tables as {@code utf8} (3-byte utf8mb3 on MariaDB and
 * MySQL) even inside a utf8mb4 database, so any 4-byte character (an emoji, CJK Extension B such as
 * 𠮷) in a variable, a task name or a history row fails with "Incorrect string value". Right after the
 * engine has created or checked its schema, this converts every engine table that is not utf8mb4 yet to
 * {@code utf8mb4_bin} (binary, as Camunda's own collation), once; later starts find nothing to do.
 * Does nothing on other databases (H2 stores Unicode as it is).
 */
@Component
class EngineTablesUtf8mb4 implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EngineTablesUtf8mb4.class);

    private final DataSource dataSource;

    EngineTablesUtf8mb4(DataSource dataSource, ProcessEngine engine) { // the engine: its schema exists by now
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                return;
            }
            List<String> tables = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES"
                         + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'"
                         + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement alter = connection.createStatement()) {
                alter.execute("SET SESSION foreign_key_checks = 0");
                for (String table : tables) {
                    alter.execute("ALTER TABLE `" + table.replace("`", "") + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                alter.execute("SET SESSION foreign_key_checks = 1");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            log.info("Converted {} engine tables to utf8mb4 in {} ms", tables.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
