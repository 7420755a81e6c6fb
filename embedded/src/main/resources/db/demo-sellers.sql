-- A few sellers for devstack and tests (ids 1..5); re-running keeps them as they are.
INSERT IGNORE INTO market.sellers (id, display_name, rating, city) VALUES
    (1, 'Ada''s Attic', 4.90, 'Berlin'),
    (2, 'Kicks by Kemal', 4.70, 'Hamburg'),
    (3, 'Retro Bits', 4.40, 'Lyon'),
    (4, 'Sophie Vintage', 4.95, 'Lisbon'),
    (5, 'Camera Corner', 3.80, 'Milan');
