package dev.listcast.embedded;

/** Where a MySQL-compatible database answers, and as whom to connect. */
public record DatabaseEndpoint(String host, int port, String user, String password, String database) {

    public DatabaseEndpoint {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    public DatabaseEndpoint as(String otherUser, String otherPassword) {
        return new DatabaseEndpoint(host, port, otherUser, otherPassword, database);
    }
}
