package dev.listcast.devstack;

import dev.listcast.embedded.DatabaseEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

/**
 * Lists random second-hand items in the running devstack's database, as the marketplace would.
 *
 * <pre>./listcast simulate 50 5   # 50 listings, 5 per second</pre>
 */
public final class Simulator {
    private static final List<Sample> SAMPLES = List.of(
            new Sample("Nike Air Jordan 1 Retro High 'Chicago' EU 43", "sneakers", 24900),
            new Sample("Adidas Samba OG, barely worn", "sneakers", 7900),
            new Sample("PlayStation 5 Slim with two controllers", "consoles", 37900),
            new Sample("Nintendo Game Boy Color, atomic purple", "consoles", 8900),
            new Sample("iPhone 14 Pro 256 GB, battery 91 %", "phones", 64900),
            new Sample("Leica M6 with Summicron 50mm", "cameras", 389000),
            new Sample("Seiko SKX007, original bracelet", "watches", 29900),
            new Sample("Vintage Louis Vuitton Speedy 30", "bags", 45000),
            new Sample("First edition 'Dune', 1965", "books", 120000),
            new Sample("Eames-style lounge chair", "furniture", 55000),
            new Sample("Canyon Endurace road bike, size M", "bikes", 129900),
            new Sample("LEGO 10179 Millennium Falcon, sealed", "collectibles", 299900));
    private static final String INSERT = "INSERT INTO items (seller_id, title, description, category, price_cents,"
            + " currency, item_condition, status) VALUES (?, ?, ?, ?, ?, 'EUR', ?, 'LISTED')";

    private record Sample(String title, String category, long priceCents) {
    }

    private Simulator() {
    }

    public static void main(String[] args) throws SQLException, InterruptedException {
        Endpoints endpoints = Endpoints.readFrom(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        DatabaseEndpoint db = endpoints.mariadb().toEndpoint();
        Random random = new Random();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < count; i++) {
                Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
                long price = Math.max(100, sample.priceCents() + (random.nextInt(21) - 10) * sample.priceCents() / 100);
                insert.setLong(1, 1 + random.nextInt(5));
                insert.setString(2, sample.title());
                insert.setString(3, "Listed by the Listcast simulator.");
                insert.setString(4, sample.category());
                insert.setLong(5, price);
                insert.setString(6, random.nextBoolean() ? "like-new" : "used");
                insert.executeUpdate();
                System.out.printf("listed %-48s %8.2f EUR%n", sample.title(), price / 100.0);
                Thread.sleep((long) (1000 / perSecond));
            }
        }
    }
}
