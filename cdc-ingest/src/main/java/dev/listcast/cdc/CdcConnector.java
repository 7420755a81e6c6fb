package dev.listcast.cdc;

import java.util.Locale;

/**
 * Which Debezium binlog connector reads the database: MariaDB for devstack and tests (Debezium's MySQL
 * connector refuses MariaDB 10.11), MySQL for the MySQL 8 compose stack. Chosen by the {@code cdc.connector}
 * setting, written {@code mariadb} or {@code mysql}.
 */
public enum CdcConnector {
    MARIADB("io.debezium.connector.mariadb.MariaDbConnector", "mariadb"),
    MYSQL("io.debezium.connector.mysql.MySqlConnector", "mysql");

    private final String connectorClass;
    private final String metricsDomain;

    CdcConnector(String connectorClass, String metricsDomain) {
        this.connectorClass = connectorClass;
        this.metricsDomain = metricsDomain;
    }

    public String connectorClass() {
        return connectorClass;
    }

    /** The JMX name of the connector's streaming metrics, whose {@code Connected} attribute tells the truth. */
    String streamingMetricsName(String topicPrefix) {
        return "debezium." + metricsDomain + ":type=connector-metrics,context=streaming,server=" + topicPrefix;
    }

    /** Parses {@code mariadb} or {@code mysql}, any case. */
    public static CdcConnector of(String name) {
        for (CdcConnector connector : values()) {
            if (connector.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return connector;
            }
        }
        throw new IllegalArgumentException("not a CDC connector (mariadb or mysql): '" + name + "'");
    }
}
