-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "answeredSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Existing conversations: a debtor message followed by an assistant or agent message is answered.
UPDATE "Conversation" c SET "answeredSeq" = COALESCE((
  SELECT max(d.seq) FROM "Message" d
   WHERE d."conversationId" = c.id AND d.role = 'debtor'
     AND EXISTS (SELECT 1 FROM "Message" a
                  WHERE a."conversationId" = c.id AND a.seq > d.seq AND a.role IN ('assistant', 'agent'))
), 0);

-- Every change to what a turn reads of the conversation raises its version, whoever makes it (a
-- turn, a payment closing the case, an escalation resolved): a turn that read an older version must
-- not write over it. A takeover (the owner) is not one of them: the turn's claim reads the owner
-- under the row lock and records a suppressed reply instead.
-- The pg driver adapter splits scripts on every semicolon: the body writes them as \073.
CREATE FUNCTION "conversation_version_bump"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF (NEW.state, NEW."verifyAttempts", NEW."verifiedAt", NEW."lockedAt") IS DISTINCT FROM (OLD.state, OLD."verifyAttempts", OLD."verifiedAt", OLD."lockedAt") THEN NEW."version" := OLD."version" + 1\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER "Conversation_version" BEFORE UPDATE ON "Conversation"
  FOR EACH ROW EXECUTE FUNCTION "conversation_version_bump"();
