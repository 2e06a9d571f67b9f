package org.ticketops.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * engine has created its schema, this converts every engine table that is not utf8mb4 yet to
 * {@code utf8mb4_bin} (binary, as Camunda's own collation). MariaDB refuses to change the character set
 * of a column that a foreign key uses, even with foreign key checks off, so the engine's foreign keys
 * are read from {@code information_schema}, dropped, and added back unchanged after the conversion.
 * Later starts find nothing to do. Does nothing on other databases (H2 stores Unicode as it is).
 */
@Component
class EngineTablesUtf8mb4 implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EngineTablesUtf8mb4.class);

    private final DataSource dataSource;

    EngineTablesUtf8mb4(DataSource dataSource, ProcessEngine engine) { // the engine: its schema exists by now
        this.dataSource = dataSource;
    }

    /** One foreign key between engine tables, enough to add it back as it was. */
    private record ForeignKey(String table, String name, List<String> columns, String referencedTable,
                              List<String> referencedColumns, String onUpdate, String onDelete) {
        String addSql() {
            return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY ("
                    + String.join(", ", columns.stream().map(EngineTablesUtf8mb4::quote).toList()) + ") REFERENCES "
                    + quote(referencedTable) + " ("
                    + String.join(", ", referencedColumns.stream().map(EngineTablesUtf8mb4::quote).toList())
                    + ") ON UPDATE " + onUpdate + " ON DELETE " + onDelete;
        }
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                return;
            }
            List<String> tables = strings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'"
                    + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'");
            if (tables.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            List<ForeignKey> foreignKeys = engineForeignKeys(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("SET SESSION foreign_key_checks = 0");
                for (ForeignKey key : foreignKeys) {
                    ddl.execute("ALTER TABLE " + quote(key.table()) + " DROP FOREIGN KEY " + quote(key.name()));
                }
                for (String table : tables) {
                    ddl.execute("ALTER TABLE " + quote(table) + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                for (ForeignKey key : foreignKeys) {
                    ddl.execute(key.addSql());
                }
                ddl.execute("SET SESSION foreign_key_checks = 1");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            log.info("Converted {} engine tables to utf8mb4 ({} foreign keys dropped and added back) in {} ms",
                    tables.size(), foreignKeys.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static List<ForeignKey> engineForeignKeys(Connection connection) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        String sql = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,"
                + " k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
                + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
                + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " AND r.TABLE_NAME = k.TABLE_NAME"
                + " WHERE k.TABLE_SCHEMA = DATABASE() AND UPPER(k.TABLE_NAME) LIKE 'ACT\\_%'"
                + " AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                String table = rows.getString(1);
                String name = rows.getString(2);
                ForeignKey key = keys.computeIfAbsent(table + "." + name, k -> {
                    try {
                        return new ForeignKey(table, name, new ArrayList<>(), rows.getString(4), new ArrayList<>(),
                                rows.getString(6), rows.getString(7));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                key.columns().add(rows.getString(3));
                key.referencedColumns().add(rows.getString(5));
            }
        }
        return List.copyOf(keys.values());
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "") + "`";
    }
}
