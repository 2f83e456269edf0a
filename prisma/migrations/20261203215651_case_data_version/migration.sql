-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- Every change to what a chat turn reads of a case raises its dataVersion, whoever makes it (a turn,
-- a collector's offer or payment, an import): a turn's commit compares the version it read under the
-- conversation's lock (decision 0114), where it used to compute a fingerprint of all those rows.
-- The pg driver adapter splits scripts on every semicolon: the bodies write them as \073.
CREATE FUNCTION "case_data_version_bump"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF (NEW.reference, NEW.jurisdiction, NEW."usState", NEW.currency, NEW.status, NEW."policyVersionId", NEW."verificationQuestion", NEW."verificationAnswer", NEW."debtorId", NEW."creditorId") IS DISTINCT FROM (OLD.reference, OLD.jurisdiction, OLD."usState", OLD.currency, OLD.status, OLD."policyVersionId", OLD."verificationQuestion", OLD."verificationAnswer", OLD."debtorId", OLD."creditorId") THEN NEW."dataVersion" := OLD."dataVersion" + 1\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER "Case_data_version" BEFORE UPDATE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_bump"();

-- An invoice, offer or payment written, changed or removed: its case (both, if it moved).
CREATE FUNCTION "case_data_version_child"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP <> ''INSERT'' THEN UPDATE "Case" SET "dataVersion" = "dataVersion" + 1 WHERE id = OLD."caseId"\073 END IF\073 IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."caseId" IS DISTINCT FROM OLD."caseId") THEN UPDATE "Case" SET "dataVersion" = "dataVersion" + 1 WHERE id = NEW."caseId"\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "Invoice_case_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_child"();
CREATE TRIGGER "Offer_case_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Offer"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_child"();
CREATE TRIGGER "Payment_case_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_child"();

-- A debtor's or creditor's name (and the debtor's language and time zone) as every case of theirs.
CREATE FUNCTION "case_data_version_debtor"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF (NEW.name, NEW.kind, NEW.locale, NEW."timeZone") IS DISTINCT FROM (OLD.name, OLD.kind, OLD.locale, OLD."timeZone") THEN UPDATE "Case" SET "dataVersion" = "dataVersion" + 1 WHERE "debtorId" = NEW.id\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "Debtor_case_data_version" AFTER UPDATE ON "Debtor"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_debtor"();
CREATE FUNCTION "case_data_version_creditor"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW.name IS DISTINCT FROM OLD.name THEN UPDATE "Case" SET "dataVersion" = "dataVersion" + 1 WHERE "creditorId" = NEW.id\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "Creditor_case_data_version" AFTER UPDATE ON "Creditor"
  FOR EACH ROW EXECUTE FUNCTION "case_data_version_creditor"();
