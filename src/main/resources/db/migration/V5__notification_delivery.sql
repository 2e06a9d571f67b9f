-- Notifications are delivered by a sender: a message is claimed (claimed_by/claimed_until, a lease two nodes
-- respect through a conditional update), sent, and marked SENT; a failure is retried with backoff until
-- FAILED, which admins see and may retry.
ALTER TABLE to_notifications ADD COLUMN status VARCHAR(10) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE to_notifications ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE to_notifications ADD COLUMN next_attempt_at ${timestamp};
ALTER TABLE to_notifications ADD COLUMN last_error VARCHAR(500);
ALTER TABLE to_notifications ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE to_notifications ADD COLUMN claimed_until ${timestamp};
UPDATE to_notifications SET status = 'SENT' WHERE sent_at IS NOT NULL;
UPDATE to_notifications SET next_attempt_at = created_at;
CREATE INDEX ix_notifications_due ON to_notifications (status, next_attempt_at);
