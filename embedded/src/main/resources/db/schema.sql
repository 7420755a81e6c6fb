-- The marketplace schema Listcast reads. One file for devstack, tests and the compose stack (MySQL 8 and
-- MariaDB 10.11 both accept it). Listcast never writes here; the marketplace (or the simulator) does.
CREATE DATABASE IF NOT EXISTS market CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE market;

CREATE TABLE IF NOT EXISTS sellers (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    display_name VARCHAR(120) NOT NULL,
    rating       DECIMAL(3,2) NULL,
    city         VARCHAR(120) NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS items (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    seller_id      BIGINT       NOT NULL,
    title          VARCHAR(500) NULL,
    description    MEDIUMTEXT   NULL,
    category       VARCHAR(64)  NULL,
    price_cents    BIGINT       NULL,
    currency       CHAR(3)      NOT NULL DEFAULT 'EUR',
    item_condition VARCHAR(32)  NULL,
    image_url      VARCHAR(1000) NULL,
    status         ENUM('DRAFT','LISTED','SOLD','WITHDRAWN') NOT NULL DEFAULT 'DRAFT',
    created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY items_seller (seller_id),
    KEY items_status_category (status, category)
) ENGINE=InnoDB;
