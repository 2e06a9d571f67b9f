-- Customer records staff keep: consent to contact, active or not, and a phone and e-mail unique among active
-- customers. The unique keys are on active_phone / active_email, which hold the phone and e-mail while the
-- customer is active and NULL otherwise (a partial unique index that H2, MySQL and MariaDB all understand).
ALTER TABLE to_customers ADD COLUMN consent_to_contact BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE to_customers ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE to_customers ADD COLUMN updated_at ${timestamp};
ALTER TABLE to_customers ADD COLUMN active_phone VARCHAR(40);
ALTER TABLE to_customers ADD COLUMN active_email VARCHAR(200);
UPDATE to_customers SET updated_at = created_at;
-- phones as E.164 (+8613800138000), e-mail addresses in lower case
UPDATE to_customers SET phone = REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '(', ''), ')', '')
WHERE phone IS NOT NULL;
UPDATE to_customers SET email = LOWER(email) WHERE email IS NOT NULL;
-- of customers who share a phone or an e-mail today, the first keeps it as its active key
UPDATE to_customers SET active_phone = phone
WHERE id IN (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM to_customers WHERE phone IS NOT NULL GROUP BY phone) p);
UPDATE to_customers SET active_email = email
WHERE id IN (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM to_customers WHERE email IS NOT NULL GROUP BY email) e);
ALTER TABLE to_customers ADD CONSTRAINT uq_customers_active_phone UNIQUE (active_phone);
ALTER TABLE to_customers ADD CONSTRAINT uq_customers_active_email UNIQUE (active_email);
