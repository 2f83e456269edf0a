-- The debtor chat's storage statements (a link opened, a message stored, a turn read and written) as
-- PL/pgSQL functions (decision 0110). PostgreSQL keeps the plan of each statement in a function
-- for the life of the connection, so a turn no longer pays the
-- parsing, analysis and planning of its large statements on every call: on the embedded PGlite,
-- where that work runs in WebAssembly on the service's own thread, it was two thirds of a
-- statement's cost. They are also what makes a turn without writes of its own one round trip:
-- amiable_commit_plain_turn claims and writes in one call, atomic as any single statement.
--
-- This file is the readable source; `npm run db:functions -- <name>` writes it as a migration
-- (the pg driver adapter splits migration scripts on every semicolon, so the migration carries the
-- bodies as E'' strings with \073), and server/db/sql/turn-functions.test.ts checks that the newest
-- such migration is this file. Change it, then write a new migration: applied ones never change.
-- Every function here is CREATE OR REPLACE, so each migration is the whole set.

-- The case's data version, as text: raised by triggers whenever anything a turn reads of the case
-- changes (the case row, its debtor and creditor, invoices, offers and payments; migration
-- 20261203215651_case_data_version, decision 0114). A turn checks it when it commits, so a
-- collector's payment or offer made meanwhile is never written over (the turn reruns). It replaced a
-- fingerprint computed from all those rows, a quarter of the database's work per turn.
-- STABLE: it reads with the snapshot of the statement that calls it.
CREATE OR REPLACE FUNCTION amiable_case_fingerprint(p_case text) RETURNS text
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (SELECT fc."dataVersion"::text FROM "Case" fc WHERE fc.id = p_case);
END
$fn$;

-- The conversation row as a turn reads it.
CREATE OR REPLACE FUNCTION amiable_conversation_json(p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (
    SELECT jsonb_build_object('id', v.id, 'state', v.state, 'verifyAttempts', v."verifyAttempts",
             'verifiedAt', v."verifiedAt", 'lockedAt', v."lockedAt", 'humanOwnerId', v."humanOwnerId",
             'answeredSeq', v."answeredSeq", 'version', v.version)
      FROM "Conversation" v WHERE v.id = p_conv);
END
$fn$;

-- The last messages, oldest first; an action's record (meta.action) is not conversation text.
CREATE OR REPLACE FUNCTION amiable_history_json(p_conv text, p_size int) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN COALESCE((
    SELECT jsonb_agg(jsonb_build_object('seq', h.seq, 'role', h.role, 'text', h.text) ORDER BY h.seq)
      FROM (SELECT seq, role, text FROM "Message"
             WHERE "conversationId" = p_conv AND NOT (meta ? 'action')
             ORDER BY seq DESC LIMIT p_size) h), '[]'::jsonb);
END
$fn$;

-- Everything a turn reads: the case, its fingerprint, the conversation, its last messages.
CREATE OR REPLACE FUNCTION amiable_turn_context(p_case text, p_conv text, p_history int) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN jsonb_build_object(
    'case', (SELECT jsonb_build_object(
        'id', c.id, 'reference', c.reference, 'jurisdiction', c.jurisdiction, 'usState', c."usState",
        'currency', c.currency, 'status', c.status, 'policyVersionId', c."policyVersionId",
        'verificationQuestion', c."verificationQuestion", 'verificationAnswer', c."verificationAnswer",
        'creditor', jsonb_build_object('name', cr.name),
        'debtor', jsonb_build_object('name', d.name, 'kind', d.kind, 'locale', d.locale, 'timeZone', d."timeZone"),
        'invoices', COALESCE((SELECT jsonb_agg(jsonb_build_object('number', i.number, 'issuedAt', i."issuedAt",
            'dueAt', i."dueAt", 'amount', i.amount::text) ORDER BY i."dueAt", i.number)
          FROM "Invoice" i WHERE i."caseId" = c.id), '[]'::jsonb),
        'offers', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.id, 'kind', o.kind, 'status', o.status,
            'total', o.total::text, 'currency', o.currency, 'terms', o.terms, 'instalments', o.instalments,
            'policyVersionId', o."policyVersionId",
            'source', o.source, 'expiresAt', o."expiresAt", 'createdAt', o."createdAt") ORDER BY o."createdAt", o.id)
          FROM "Offer" o WHERE o."caseId" = c.id), '[]'::jsonb),
        'payments', COALESCE((SELECT jsonb_agg(jsonb_build_object('amount', p.amount::text) ORDER BY p."paidAt")
          FROM "Payment" p WHERE p."caseId" = c.id), '[]'::jsonb))
      FROM "Case" c JOIN "Debtor" d ON d.id = c."debtorId" JOIN "Creditor" cr ON cr.id = c."creditorId"
     WHERE c.id = p_case),
    'caseFingerprint', amiable_case_fingerprint(p_case),
    'conversation', amiable_conversation_json(p_conv),
    'lastSeq', COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = p_conv), 0),
    'lastDebtor', (SELECT jsonb_build_object('seq', m.seq, 'text', m.text) FROM "Message" m
                    WHERE m."conversationId" = p_conv AND m.role = 'debtor' ORDER BY m.seq DESC LIMIT 1),
    'history', amiable_history_json(p_conv, p_history));
END
$fn$;

-- A message (a debtor's, or an action's record) stored earlier under this clientMessageId, with what
-- is known of its answer; NULL when there is none.
CREATE OR REPLACE FUNCTION amiable_find_client_message(p_conv text, p_client text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (
    SELECT jsonb_build_object('id', m.id, 'seq', m.seq, 'role', m.role, 'text', m.text,
             'answeredSeq', c."answeredSeq",
             'lastSeq', (SELECT max(seq) FROM "Message" WHERE "conversationId" = c.id))
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
     WHERE m."conversationId" = p_conv AND m."clientMessageId" = p_client);
END
$fn$;

-- Stores a debtor message once per clientMessageId. The conversation's row lock comes first, like
-- every writer of messages, and the insert is a statement of its own: its snapshot follows the lock,
-- so the number it takes is free. Returns {created: true, message...} with what the turn needs of the
-- conversation, or {created: false, repeat} for a clientMessageId stored before; NULL when the
-- conversation does not exist.
CREATE OR REPLACE FUNCTION amiable_store_debtor_message(p_conv text, p_id text, p_text text, p_client text,
  p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_row record;
BEGIN
  PERFORM 1 FROM "Conversation" WHERE id = p_conv FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO "Message" (id, "conversationId", seq, role, text, "clientMessageId", meta)
  SELECT p_id, p_conv, COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = p_conv), 0) + 1,
         'debtor', p_text, p_client, '{}'::jsonb
  ON CONFLICT DO NOTHING
  RETURNING id, seq, text, "createdAt" INTO v_row;
  IF v_row.id IS NULL THEN
    RETURN jsonb_build_object('created', false, 'repeat', amiable_find_client_message(p_conv, p_client));
  END IF;
  RETURN jsonb_build_object('created', true, 'id', v_row.id, 'seq', v_row.seq, 'text', v_row.text,
    'createdAt', v_row."createdAt", 'conversation', amiable_conversation_json(p_conv),
    'history', amiable_history_json(p_conv, p_history));
END
$fn$;

-- A debtor message stored as amiable_store_debtor_message does, with the turn's whole context read
-- after it ({..., context}) when the service holds nothing of the case (a first message on this
-- instance, or the one after a turn that wrote case data): the turn then reads nothing more
-- (decision 0112). The context's statement follows the insert, so it sees the message.
CREATE OR REPLACE FUNCTION amiable_store_debtor_message_context(p_case text, p_conv text, p_id text,
  p_text text, p_client text, p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_stored jsonb;
BEGIN
  v_stored := amiable_store_debtor_message(p_conv, p_id, p_text, p_client, p_history);
  IF v_stored IS NULL OR NOT (v_stored->>'created')::boolean THEN
    RETURN v_stored;
  END IF;
  RETURN v_stored || jsonb_build_object('context', amiable_turn_context(p_case, p_conv, p_history));
END
$fn$;

-- A turn's claim: locks the conversation, checks that nothing changed since the turn read it
-- (conversation version, case fingerprint) and that its message is not answered yet (p_kind
-- 'answer': p_seq unanswered; 'greeting': no message yet; otherwise nothing to claim), then writes the
-- conversation's new state and raises answeredSeq. Returns {humanOwnerId, version}, or {failed:
-- 'answered' | 'stale'} told apart after the lock (a statement of its own, so it sees the winner).
CREATE OR REPLACE FUNCTION amiable_claim_turn(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_claim jsonb;
BEGIN
  UPDATE "Conversation" c
     SET state = p_state, "verifyAttempts" = p_attempts, "verifiedAt" = p_verified::timestamp(3),
         "lockedAt" = p_locked::timestamp(3), "answeredSeq" = GREATEST(c."answeredSeq", p_seq), "updatedAt" = now()
   WHERE c.id = p_conv AND c.version = p_version
     AND CASE p_kind
           WHEN 'answer' THEN c."answeredSeq" < p_seq
           WHEN 'greeting' THEN NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id) AND p_seq = 0
           ELSE p_seq = 0 END
     AND (p_fingerprint IS NULL OR amiable_case_fingerprint(c."caseId") = p_fingerprint)
  RETURNING jsonb_build_object('humanOwnerId', c."humanOwnerId", 'version', c.version) INTO v_claim;
  IF v_claim IS NOT NULL THEN
    RETURN v_claim;
  END IF;
  RETURN jsonb_build_object('failed', COALESCE((
    SELECT CASE
             WHEN p_kind = 'answer' AND c."answeredSeq" >= p_seq THEN 'answered'
             WHEN p_kind = 'greeting' AND EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id)
               THEN 'answered'
             ELSE 'stale' END
      FROM "Conversation" c WHERE c.id = p_conv), 'stale'));
END
$fn$;

-- A turn's writes, under the claim's lock: open offers declined or superseded, offers made, messages
-- (numbered after the conversation's last one), transcript events, the case status and a withdrawn
-- promise. Returns the messages written [{id, seq, createdAt}], in order.
CREATE OR REPLACE FUNCTION amiable_write_turn(p_conv text, p_case text, p_declined jsonb, p_supersede boolean,
  p_offers jsonb, p_messages jsonb, p_events jsonb, p_status text, p_now text, p_cancel text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_written jsonb;
BEGIN
  WITH
  settled AS (
    UPDATE "Offer" SET status = (CASE WHEN id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_declined)))
                                      THEN 'declined' ELSE 'superseded' END)::"OfferStatus",
                       "decidedAt" = p_now::timestamp(3)
     WHERE "caseId" = p_case AND status = 'proposed'
       AND (id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_declined))) OR p_supersede)
     RETURNING id),
  offers AS (
    INSERT INTO "Offer" (id, "caseId", kind, status, total, currency, "discountBps", instalments, terms, rule,
                         "policyVersionId", source, "expiresAt", "createdAt", "decidedAt")
    SELECT o.id, p_case, o.kind::"OfferKind", o.status::"OfferStatus", o.total::bigint, o.currency, o."discountBps",
           o.instalments, o.terms, o.rule, o."policyVersionId", o.source, o."expiresAt"::timestamp(3),
           clock_timestamp() + make_interval(secs => o.n / 1000.0),
           CASE WHEN o.status = 'proposed' THEN NULL ELSE p_now::timestamp(3) END
      FROM jsonb_to_recordset(p_offers) AS o(id text, n int, kind text, status text, total text, currency text,
           "discountBps" int, instalments jsonb, terms jsonb, rule text, "policyVersionId" text, source text,
           "expiresAt" text)
    RETURNING id),
  msgs AS (
    INSERT INTO "Message" (id, "conversationId", seq, role, text, "clientMessageId", "offerId", "quickReplies", meta)
    SELECT m.id, p_conv, COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = p_conv), 0) + m.n,
           m.role::"MessageRole", m.text, m."clientMessageId", m."offerId", m."quickReplies", m.meta
      FROM jsonb_to_recordset(p_messages) AS m(id text, n int, role text, text text, "clientMessageId" text,
           "offerId" text, "quickReplies" jsonb, meta jsonb)
    RETURNING id, seq, "createdAt"),
  events AS (
    INSERT INTO "ConversationEvent" (id, "conversationId", "messageId", kind, data)
    SELECT e.id, p_conv, e."messageId", e.kind, e.data
      FROM jsonb_to_recordset(p_events) AS e(id text, "messageId" text, kind text, data jsonb)
    RETURNING id),
  status AS (
    UPDATE "Case" SET status = p_status::"CaseStatus", "updatedAt" = now()
     WHERE id = p_case AND p_status IS NOT NULL AND status::text <> p_status
    RETURNING id),
  withdrawn AS (
    UPDATE "PromiseToPay" SET status = 'cancelled' WHERE id = p_cancel AND status = 'active' RETURNING id)
  SELECT COALESCE((SELECT jsonb_agg(jsonb_build_object('id', id, 'seq', seq, 'createdAt', "createdAt") ORDER BY seq)
                     FROM msgs), '[]'::jsonb)
    INTO v_written;
  RETURN v_written;
END
$fn$;

-- A turn with no writes of its own, claimed and written in one call: nothing is written unless the
-- claim holds, and the writes are those for a conversation a person took over meanwhile (p_owned_*:
-- the reply withheld) when the claim finds an owner. Returns {claim, written, caseVersion}: the case's
-- data version after the writes, so that a turn whose only case write was the status can keep its
-- copy of the case instead of reading it again (decision 0114).
CREATE OR REPLACE FUNCTION amiable_commit_plain_turn(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text,
  p_case text, p_declined jsonb, p_supersede boolean, p_offers jsonb, p_owned_offers jsonb,
  p_messages jsonb, p_owned_messages jsonb, p_events jsonb, p_owned_events jsonb,
  p_status text, p_now text, p_cancel text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_claim jsonb;
  v_written jsonb;
BEGIN
  v_claim := amiable_claim_turn(p_conv, p_kind, p_seq, p_version, p_fingerprint, p_state, p_attempts,
    p_verified, p_locked);
  IF v_claim ? 'failed' THEN
    RETURN jsonb_build_object('claim', v_claim, 'written', '[]'::jsonb);
  END IF;
  IF v_claim->>'humanOwnerId' IS NULL THEN
    v_written := amiable_write_turn(p_conv, p_case, p_declined, p_supersede, p_offers, p_messages, p_events,
      p_status, p_now, p_cancel);
  ELSE
    v_written := amiable_write_turn(p_conv, p_case, p_declined, p_supersede, p_owned_offers, p_owned_messages,
      p_owned_events, p_status, p_now, p_cancel);
  END IF;
  -- A statement of its own, after the writes and their triggers: it sees the version they left.
  RETURN jsonb_build_object('claim', v_claim, 'written', v_written,
    'caseVersion', amiable_case_fingerprint(p_case));
END
$fn$;

-- A debtor message stored and answered in one call (decision 0116). The service prepared the reply
-- from what it holds of the conversation, for the message taking number p_seq. The message is stored
-- as amiable_store_debtor_message stores it (without its history: the service holds it); the turn is
-- then claimed and written as amiable_commit_plain_turn does, only if the message took that number
-- (no other message came in between). Returns {stored, commit}; no commit for a repeat or a message
-- that took another number: the service answers those the usual way, from a fresh read.
CREATE OR REPLACE FUNCTION amiable_store_and_answer(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text,
  p_case text, p_declined jsonb, p_supersede boolean, p_offers jsonb, p_owned_offers jsonb,
  p_messages jsonb, p_owned_messages jsonb, p_events jsonb, p_owned_events jsonb,
  p_status text, p_now text, p_cancel text, p_message_id text, p_text text, p_client text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_stored jsonb;
BEGIN
  v_stored := amiable_store_debtor_message(p_conv, p_message_id, p_text, p_client, 0);
  IF v_stored IS NULL OR NOT (v_stored->>'created')::boolean OR (v_stored->>'seq')::int <> p_seq THEN
    RETURN jsonb_build_object('stored', v_stored);
  END IF;
  RETURN jsonb_build_object('stored', v_stored, 'commit', amiable_commit_plain_turn(p_conv, p_kind, p_seq,
    p_version, p_fingerprint, p_state, p_attempts, p_verified, p_locked, p_case, p_declined, p_supersede,
    p_offers, p_owned_offers, p_messages, p_owned_messages, p_events, p_owned_events, p_status, p_now,
    p_cancel));
END
$fn$;

-- Every message of a conversation in order, with what its wire form needs: the offer it shows and
-- the notice key of a system message (meta.notice; the rest of meta is the service's own).
CREATE OR REPLACE FUNCTION amiable_debtor_messages(p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
        'id', m.id, 'seq', m.seq, 'role', m.role, 'text', m.text, 'createdAt', m."createdAt",
        'quickReplies', m."quickReplies", 'notice', m.meta -> 'notice',
        'offer', CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object(
            'id', o.id, 'kind', o.kind, 'total', o.total::text, 'currency', o.currency,
            'instalments', o.instalments, 'expiresAt', o."expiresAt", 'status', o.status) END)
      ORDER BY m.seq)
      FROM "Message" m LEFT JOIN "Offer" o ON o.id = m."offerId"
     WHERE m."conversationId" = p_conv), '[]'::jsonb);
END
$fn$;

-- The conversation shown to the debtor, with the case's status and what is answered (decision 0105).
-- The status and answeredSeq are NULL when the case or the conversation does not exist.
CREATE OR REPLACE FUNCTION amiable_debtor_history(p_case text, p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN jsonb_build_object(
    'status', (SELECT hc.status FROM "Case" hc WHERE hc.id = p_case),
    'answeredSeq', (SELECT hv."answeredSeq" FROM "Conversation" hv WHERE hv.id = p_conv),
    'messages', amiable_debtor_messages(p_conv));
END
$fn$;

-- The debtor's view as amiable_debtor_history reads it, with a turn's whole context ({..., context})
-- for a service that holds nothing of the conversation: the greeting, or the answer to a message left
-- unanswered, then reads nothing more (decision 0112).
CREATE OR REPLACE FUNCTION amiable_debtor_history_context(p_case text, p_conv text, p_history int)
  RETURNS jsonb
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN amiable_debtor_history(p_case, p_conv)
    || jsonb_build_object('context', amiable_turn_context(p_case, p_conv, p_history));
END
$fn$;

-- Opens a debtor link (decision 0105): a live link (not revoked, not expired) records its use, the
-- case's conversation is created on the first visit, and the debtor's language comes back with the
-- conversation, and its history when p_with_history. NULL for a dead or unknown link. The insert
-- waits for a concurrent first visit's and the read after it is a statement of its own, so two
-- first visits find the one conversation.
CREATE OR REPLACE FUNCTION amiable_open_connection(p_hash text, p_now text, p_new_id text,
  p_with_history boolean) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_token record;
  v_conv record;
  v_case record;
BEGIN
  UPDATE "DebtorAccessToken" SET "lastUsedAt" = p_now::timestamp(3)
   WHERE "tokenHash" = p_hash AND "revokedAt" IS NULL AND "expiresAt" > p_now::timestamp(3)
  RETURNING id, "caseId" INTO v_token;
  IF v_token.id IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT id, "lockedAt", "answeredSeq" INTO v_conv FROM "Conversation" WHERE "caseId" = v_token."caseId";
  IF v_conv.id IS NULL THEN
    INSERT INTO "Conversation" (id, "caseId", "updatedAt") VALUES (p_new_id, v_token."caseId", CURRENT_TIMESTAMP)
    ON CONFLICT ("caseId") DO NOTHING;
    SELECT id, "lockedAt", "answeredSeq" INTO v_conv FROM "Conversation" WHERE "caseId" = v_token."caseId";
  END IF;
  SELECT d.locale::text AS locale, c.status::text AS status INTO v_case
    FROM "Case" c JOIN "Debtor" d ON d.id = c."debtorId" WHERE c.id = v_token."caseId";
  RETURN jsonb_build_object(
    'tokenId', v_token.id, 'caseId', v_token."caseId", 'locale', v_case.locale,
    'conversation', jsonb_build_object('id', v_conv.id, 'lockedAt', v_conv."lockedAt",
      'answeredSeq', v_conv."answeredSeq"),
    'history', CASE WHEN p_with_history THEN jsonb_build_object('status', v_case.status,
      'answeredSeq', v_conv."answeredSeq", 'messages', amiable_debtor_messages(v_conv.id)) ELSE NULL END);
END
$fn$;

-- A debtor link opened as amiable_open_connection opens it, with its history and a turn's whole
-- context ({..., context}) for a service that holds nothing of the conversation: the socket's
-- handshake then reads all a connection needs, in one statement (decision 0117). The context is a
-- statement of its own, after the open: it sees a conversation the open created.
CREATE OR REPLACE FUNCTION amiable_open_connection_context(p_hash text, p_now text, p_new_id text,
  p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_open jsonb;
BEGIN
  v_open := amiable_open_connection(p_hash, p_now, p_new_id, true);
  IF v_open IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN v_open || jsonb_build_object('context',
    amiable_turn_context(v_open->>'caseId', v_open->'conversation'->>'id', p_history));
END
$fn$;

-- Several turns' statements in one call (decision 0118): under load the service sends the plain
-- commits and the stored-and-answered messages that are ready together, so that PostgreSQL is woken,
-- runs and commits once for them all. Each item runs in a subtransaction of its own (a plpgsql block
-- with an exception handler): an item that fails is rolled back alone and reported, the others are
-- kept. Items: {f: 'open' | 'commit' | 'store_answer', a: [the function's arguments in order, as text]};
-- openings are amiable_open_connection_context (decision 0122).
-- Returns one {ok: result} or {error, code} per item, in order.
CREATE OR REPLACE FUNCTION amiable_batch(p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_item jsonb;
  a jsonb;
  v_result jsonb;
  v_out jsonb := '[]'::jsonb;
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    a := v_item->'a';
    BEGIN
      IF v_item->>'f' = 'open' THEN
        v_result := amiable_open_connection_context(a->>0, a->>1, a->>2, (a->>3)::int);
      ELSIF v_item->>'f' = 'commit' THEN
        v_result := amiable_commit_plain_turn(a->>0, a->>1, (a->>2)::int, (a->>3)::int, a->>4, (a->>5)::jsonb, (a->>6)::int, a->>7, a->>8, a->>9, (a->>10)::jsonb, (a->>11)::boolean, (a->>12)::jsonb, (a->>13)::jsonb, (a->>14)::jsonb, (a->>15)::jsonb, (a->>16)::jsonb, (a->>17)::jsonb, a->>18, a->>19, a->>20);
      ELSE
        v_result := amiable_store_and_answer(a->>0, a->>1, (a->>2)::int, (a->>3)::int, a->>4, (a->>5)::jsonb, (a->>6)::int, a->>7, a->>8, a->>9, (a->>10)::jsonb, (a->>11)::boolean, (a->>12)::jsonb, (a->>13)::jsonb, (a->>14)::jsonb, (a->>15)::jsonb, (a->>16)::jsonb, (a->>17)::jsonb, a->>18, a->>19, a->>20, a->>21, a->>22, a->>23);
      END IF;
      v_out := v_out || jsonb_build_array(jsonb_build_object('ok', v_result));
    EXCEPTION WHEN OTHERS THEN
      v_out := v_out || jsonb_build_array(jsonb_build_object('error', SQLERRM, 'code', SQLSTATE));
    END;
  END LOOP;
  RETURN v_out;
END
$fn$;
