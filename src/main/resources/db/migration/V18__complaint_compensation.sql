-- A complaint resolved with a voucher: the compensation the table suggested, the amount given (changed only with a
-- comment), who investigated and who approved it, and the credit note that is the voucher.
ALTER TABLE to_complaints ADD COLUMN investigated_by VARCHAR(64);
ALTER TABLE to_complaints ADD COLUMN compensation_suggested DECIMAL(12,2);
ALTER TABLE to_complaints ADD COLUMN compensation_amount DECIMAL(12,2);
ALTER TABLE to_complaints ADD COLUMN compensation_table_version INT;
ALTER TABLE to_complaints ADD COLUMN compensation_comment VARCHAR(2000);
ALTER TABLE to_complaints ADD COLUMN compensation_approved_by VARCHAR(64);
ALTER TABLE to_complaints ADD COLUMN voucher_number VARCHAR(20);
