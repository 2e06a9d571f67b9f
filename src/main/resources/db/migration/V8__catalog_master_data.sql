-- The catalog becomes the center's own: events carry an organizer and a description, shows an end and a
-- status (ON_SALE, SUSPENDED, CANCELLED), and every kind the center sells is a kind (EXHIBITION; FAMILY
-- shows become OTHER).
ALTER TABLE to_events ADD COLUMN organizer VARCHAR(200);
ALTER TABLE to_events ADD COLUMN description VARCHAR(2000);
ALTER TABLE to_events ADD COLUMN updated_at ${timestamp};
ALTER TABLE to_events DROP CONSTRAINT ck_events_kind;
UPDATE to_events SET kind = 'OTHER' WHERE kind = 'FAMILY';
ALTER TABLE to_events ADD CONSTRAINT ck_events_kind CHECK (kind IN ('CONCERT', 'SPORTS', 'THEATRE', 'EXHIBITION', 'OTHER'));

ALTER TABLE to_shows ADD COLUMN ends_at ${timestamp};
ALTER TABLE to_shows ADD COLUMN status VARCHAR(20) DEFAULT 'ON_SALE' NOT NULL;
ALTER TABLE to_shows ADD COLUMN updated_at ${timestamp};
ALTER TABLE to_shows ADD CONSTRAINT ck_shows_status CHECK (status IN ('ON_SALE', 'SUSPENDED', 'CANCELLED'));
ALTER TABLE to_shows ADD CONSTRAINT ck_shows_ends CHECK (ends_at IS NULL OR ends_at > starts_at);

ALTER TABLE to_ticket_categories ADD COLUMN updated_at ${timestamp};
