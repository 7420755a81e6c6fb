-- The CDC user reads market and the binlog; nothing else.
CREATE USER IF NOT EXISTS 'listcast_cdc'@'%' IDENTIFIED BY 'listcast-cdc';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'listcast_cdc'@'%';
CREATE USER IF NOT EXISTS 'listcast'@'%' IDENTIFIED BY 'listcast';
GRANT ALL PRIVILEGES ON market.* TO 'listcast'@'%';
