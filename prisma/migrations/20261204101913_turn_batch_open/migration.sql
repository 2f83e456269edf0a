-- The turn functions (decision 0110), written by `npm run db:functions` from server/db/sql/turn-functions.sql
CREATE OR REPLACE FUNCTION amiable_case_fingerprint(p_case text) RETURNS text
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN (SELECT fc."dataVersion"::text FROM "Case" fc WHERE fc.id = p_case)\073
END
';

CREATE OR REPLACE FUNCTION amiable_conversation_json(p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN (
    SELECT jsonb_build_object(''id'', v.id, ''state'', v.state, ''verifyAttempts'', v."verifyAttempts",
             ''verifiedAt'', v."verifiedAt", ''lockedAt'', v."lockedAt", ''humanOwnerId'', v."humanOwnerId",
             ''answeredSeq'', v."answeredSeq", ''version'', v.version)
      FROM "Conversation" v WHERE v.id = p_conv)\073
END
';

CREATE OR REPLACE FUNCTION amiable_history_json(p_conv text, p_size int) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN COALESCE((
    SELECT jsonb_agg(jsonb_build_object(''seq'', h.seq, ''role'', h.role, ''text'', h.text) ORDER BY h.seq)
      FROM (SELECT seq, role, text FROM "Message"
             WHERE "conversationId" = p_conv AND NOT (meta ? ''action'')
             ORDER BY seq DESC LIMIT p_size) h), ''[]''::jsonb)\073
END
';

CREATE OR REPLACE FUNCTION amiable_turn_context(p_case text, p_conv text, p_history int) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN jsonb_build_object(
    ''case'', (SELECT jsonb_build_object(
        ''id'', c.id, ''reference'', c.reference, ''jurisdiction'', c.jurisdiction, ''usState'', c."usState",
        ''currency'', c.currency, ''status'', c.status, ''policyVersionId'', c."policyVersionId",
        ''verificationQuestion'', c."verificationQuestion", ''verificationAnswer'', c."verificationAnswer",
        ''creditor'', jsonb_build_object(''name'', cr.name),
        ''debtor'', jsonb_build_object(''name'', d.name, ''kind'', d.kind, ''locale'', d.locale, ''timeZone'', d."timeZone"),
        ''invoices'', COALESCE((SELECT jsonb_agg(jsonb_build_object(''number'', i.number, ''issuedAt'', i."issuedAt",
            ''dueAt'', i."dueAt", ''amount'', i.amount::text) ORDER BY i."dueAt", i.number)
          FROM "Invoice" i WHERE i."caseId" = c.id), ''[]''::jsonb),
        ''offers'', COALESCE((SELECT jsonb_agg(jsonb_build_object(''id'', o.id, ''kind'', o.kind, ''status'', o.status,
            ''total'', o.total::text, ''currency'', o.currency, ''terms'', o.terms, ''instalments'', o.instalments,
            ''policyVersionId'', o."policyVersionId",
            ''source'', o.source, ''expiresAt'', o."expiresAt", ''createdAt'', o."createdAt") ORDER BY o."createdAt", o.id)
          FROM "Offer" o WHERE o."caseId" = c.id), ''[]''::jsonb),
        ''payments'', COALESCE((SELECT jsonb_agg(jsonb_build_object(''amount'', p.amount::text) ORDER BY p."paidAt")
          FROM "Payment" p WHERE p."caseId" = c.id), ''[]''::jsonb))
      FROM "Case" c JOIN "Debtor" d ON d.id = c."debtorId" JOIN "Creditor" cr ON cr.id = c."creditorId"
     WHERE c.id = p_case),
    ''caseFingerprint'', amiable_case_fingerprint(p_case),
    ''conversation'', amiable_conversation_json(p_conv),
    ''lastSeq'', COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = p_conv), 0),
    ''lastDebtor'', (SELECT jsonb_build_object(''seq'', m.seq, ''text'', m.text) FROM "Message" m
                    WHERE m."conversationId" = p_conv AND m.role = ''debtor'' ORDER BY m.seq DESC LIMIT 1),
    ''history'', amiable_history_json(p_conv, p_history))\073
END
';

CREATE OR REPLACE FUNCTION amiable_find_client_message(p_conv text, p_client text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN (
    SELECT jsonb_build_object(''id'', m.id, ''seq'', m.seq, ''role'', m.role, ''text'', m.text,
             ''answeredSeq'', c."answeredSeq",
             ''lastSeq'', (SELECT max(seq) FROM "Message" WHERE "conversationId" = c.id))
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
     WHERE m."conversationId" = p_conv AND m."clientMessageId" = p_client)\073
END
';

CREATE OR REPLACE FUNCTION amiable_store_debtor_message(p_conv text, p_id text, p_text text, p_client text,
  p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_row record\073
BEGIN
  PERFORM 1 FROM "Conversation" WHERE id = p_conv FOR UPDATE\073
  IF NOT FOUND THEN
    RETURN NULL\073
  END IF\073
  INSERT INTO "Message" (id, "conversationId", seq, role, text, "clientMessageId", meta)
  SELECT p_id, p_conv, COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = p_conv), 0) + 1,
         ''debtor'', p_text, p_client, ''{}''::jsonb
  ON CONFLICT DO NOTHING
  RETURNING id, seq, text, "createdAt" INTO v_row\073
  IF v_row.id IS NULL THEN
    RETURN jsonb_build_object(''created'', false, ''repeat'', amiable_find_client_message(p_conv, p_client))\073
  END IF\073
  RETURN jsonb_build_object(''created'', true, ''id'', v_row.id, ''seq'', v_row.seq, ''text'', v_row.text,
    ''createdAt'', v_row."createdAt", ''conversation'', amiable_conversation_json(p_conv),
    ''history'', amiable_history_json(p_conv, p_history))\073
END
';

CREATE OR REPLACE FUNCTION amiable_store_debtor_message_context(p_case text, p_conv text, p_id text,
  p_text text, p_client text, p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_stored jsonb\073
BEGIN
  v_stored := amiable_store_debtor_message(p_conv, p_id, p_text, p_client, p_history)\073
  IF v_stored IS NULL OR NOT (v_stored->>''created'')::boolean THEN
    RETURN v_stored\073
  END IF\073
  RETURN v_stored || jsonb_build_object(''context'', amiable_turn_context(p_case, p_conv, p_history))\073
END
';

CREATE OR REPLACE FUNCTION amiable_claim_turn(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_claim jsonb\073
BEGIN
  UPDATE "Conversation" c
     SET state = p_state, "verifyAttempts" = p_attempts, "verifiedAt" = p_verified::timestamp(3),
         "lockedAt" = p_locked::timestamp(3), "answeredSeq" = GREATEST(c."answeredSeq", p_seq), "updatedAt" = now()
   WHERE c.id = p_conv AND c.version = p_version
     AND CASE p_kind
           WHEN ''answer'' THEN c."answeredSeq" < p_seq
           WHEN ''greeting'' THEN NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id) AND p_seq = 0
           ELSE p_seq = 0 END
     AND (p_fingerprint IS NULL OR amiable_case_fingerprint(c."caseId") = p_fingerprint)
  RETURNING jsonb_build_object(''humanOwnerId'', c."humanOwnerId", ''version'', c.version) INTO v_claim\073
  IF v_claim IS NOT NULL THEN
    RETURN v_claim\073
  END IF\073
  RETURN jsonb_build_object(''failed'', COALESCE((
    SELECT CASE
             WHEN p_kind = ''answer'' AND c."answeredSeq" >= p_seq THEN ''answered''
             WHEN p_kind = ''greeting'' AND EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id)
               THEN ''answered''
             ELSE ''stale'' END
      FROM "Conversation" c WHERE c.id = p_conv), ''stale''))\073
END
';

CREATE OR REPLACE FUNCTION amiable_write_turn(p_conv text, p_case text, p_declined jsonb, p_supersede boolean,
  p_offers jsonb, p_messages jsonb, p_events jsonb, p_status text, p_now text, p_cancel text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_written jsonb\073
BEGIN
  WITH
  settled AS (
    UPDATE "Offer" SET status = (CASE WHEN id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_declined)))
                                      THEN ''declined'' ELSE ''superseded'' END)::"OfferStatus",
                       "decidedAt" = p_now::timestamp(3)
     WHERE "caseId" = p_case AND status = ''proposed''
       AND (id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_declined))) OR p_supersede)
     RETURNING id),
  offers AS (
    INSERT INTO "Offer" (id, "caseId", kind, status, total, currency, "discountBps", instalments, terms, rule,
                         "policyVersionId", source, "expiresAt", "createdAt", "decidedAt")
    SELECT o.id, p_case, o.kind::"OfferKind", o.status::"OfferStatus", o.total::bigint, o.currency, o."discountBps",
           o.instalments, o.terms, o.rule, o."policyVersionId", o.source, o."expiresAt"::timestamp(3),
           clock_timestamp() + make_interval(secs => o.n / 1000.0),
           CASE WHEN o.status = ''proposed'' THEN NULL ELSE p_now::timestamp(3) END
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
    UPDATE "PromiseToPay" SET status = ''cancelled'' WHERE id = p_cancel AND status = ''active'' RETURNING id)
  SELECT COALESCE((SELECT jsonb_agg(jsonb_build_object(''id'', id, ''seq'', seq, ''createdAt'', "createdAt") ORDER BY seq)
                     FROM msgs), ''[]''::jsonb)
    INTO v_written\073
  RETURN v_written\073
END
';

CREATE OR REPLACE FUNCTION amiable_commit_plain_turn(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text,
  p_case text, p_declined jsonb, p_supersede boolean, p_offers jsonb, p_owned_offers jsonb,
  p_messages jsonb, p_owned_messages jsonb, p_events jsonb, p_owned_events jsonb,
  p_status text, p_now text, p_cancel text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_claim jsonb\073
  v_written jsonb\073
BEGIN
  v_claim := amiable_claim_turn(p_conv, p_kind, p_seq, p_version, p_fingerprint, p_state, p_attempts,
    p_verified, p_locked)\073
  IF v_claim ? ''failed'' THEN
    RETURN jsonb_build_object(''claim'', v_claim, ''written'', ''[]''::jsonb)\073
  END IF\073
  IF v_claim->>''humanOwnerId'' IS NULL THEN
    v_written := amiable_write_turn(p_conv, p_case, p_declined, p_supersede, p_offers, p_messages, p_events,
      p_status, p_now, p_cancel)\073
  ELSE
    v_written := amiable_write_turn(p_conv, p_case, p_declined, p_supersede, p_owned_offers, p_owned_messages,
      p_owned_events, p_status, p_now, p_cancel)\073
  END IF\073
  -- A statement of its own, after the writes and their triggers: it sees the version they left.
  RETURN jsonb_build_object(''claim'', v_claim, ''written'', v_written,
    ''caseVersion'', amiable_case_fingerprint(p_case))\073
END
';

CREATE OR REPLACE FUNCTION amiable_store_and_answer(p_conv text, p_kind text, p_seq int, p_version int,
  p_fingerprint text, p_state jsonb, p_attempts int, p_verified text, p_locked text,
  p_case text, p_declined jsonb, p_supersede boolean, p_offers jsonb, p_owned_offers jsonb,
  p_messages jsonb, p_owned_messages jsonb, p_events jsonb, p_owned_events jsonb,
  p_status text, p_now text, p_cancel text, p_message_id text, p_text text, p_client text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_stored jsonb\073
BEGIN
  v_stored := amiable_store_debtor_message(p_conv, p_message_id, p_text, p_client, 0)\073
  IF v_stored IS NULL OR NOT (v_stored->>''created'')::boolean OR (v_stored->>''seq'')::int <> p_seq THEN
    RETURN jsonb_build_object(''stored'', v_stored)\073
  END IF\073
  RETURN jsonb_build_object(''stored'', v_stored, ''commit'', amiable_commit_plain_turn(p_conv, p_kind, p_seq,
    p_version, p_fingerprint, p_state, p_attempts, p_verified, p_locked, p_case, p_declined, p_supersede,
    p_offers, p_owned_offers, p_messages, p_owned_messages, p_events, p_owned_events, p_status, p_now,
    p_cancel))\073
END
';

CREATE OR REPLACE FUNCTION amiable_debtor_messages(p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
        ''id'', m.id, ''seq'', m.seq, ''role'', m.role, ''text'', m.text, ''createdAt'', m."createdAt",
        ''quickReplies'', m."quickReplies", ''notice'', m.meta -> ''notice'',
        ''offer'', CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object(
            ''id'', o.id, ''kind'', o.kind, ''total'', o.total::text, ''currency'', o.currency,
            ''instalments'', o.instalments, ''expiresAt'', o."expiresAt", ''status'', o.status) END)
      ORDER BY m.seq)
      FROM "Message" m LEFT JOIN "Offer" o ON o.id = m."offerId"
     WHERE m."conversationId" = p_conv), ''[]''::jsonb)\073
END
';

CREATE OR REPLACE FUNCTION amiable_debtor_history(p_case text, p_conv text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN jsonb_build_object(
    ''status'', (SELECT hc.status FROM "Case" hc WHERE hc.id = p_case),
    ''answeredSeq'', (SELECT hv."answeredSeq" FROM "Conversation" hv WHERE hv.id = p_conv),
    ''messages'', amiable_debtor_messages(p_conv))\073
END
';

CREATE OR REPLACE FUNCTION amiable_debtor_history_context(p_case text, p_conv text, p_history int)
  RETURNS jsonb
LANGUAGE plpgsql STABLE AS E'
BEGIN
  RETURN amiable_debtor_history(p_case, p_conv)
    || jsonb_build_object(''context'', amiable_turn_context(p_case, p_conv, p_history))\073
END
';

CREATE OR REPLACE FUNCTION amiable_open_connection(p_hash text, p_now text, p_new_id text,
  p_with_history boolean) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_token record\073
  v_conv record\073
  v_case record\073
BEGIN
  UPDATE "DebtorAccessToken" SET "lastUsedAt" = p_now::timestamp(3)
   WHERE "tokenHash" = p_hash AND "revokedAt" IS NULL AND "expiresAt" > p_now::timestamp(3)
  RETURNING id, "caseId" INTO v_token\073
  IF v_token.id IS NULL THEN
    RETURN NULL\073
  END IF\073
  SELECT id, "lockedAt", "answeredSeq" INTO v_conv FROM "Conversation" WHERE "caseId" = v_token."caseId"\073
  IF v_conv.id IS NULL THEN
    INSERT INTO "Conversation" (id, "caseId", "updatedAt") VALUES (p_new_id, v_token."caseId", CURRENT_TIMESTAMP)
    ON CONFLICT ("caseId") DO NOTHING\073
    SELECT id, "lockedAt", "answeredSeq" INTO v_conv FROM "Conversation" WHERE "caseId" = v_token."caseId"\073
  END IF\073
  SELECT d.locale::text AS locale, c.status::text AS status INTO v_case
    FROM "Case" c JOIN "Debtor" d ON d.id = c."debtorId" WHERE c.id = v_token."caseId"\073
  RETURN jsonb_build_object(
    ''tokenId'', v_token.id, ''caseId'', v_token."caseId", ''locale'', v_case.locale,
    ''conversation'', jsonb_build_object(''id'', v_conv.id, ''lockedAt'', v_conv."lockedAt",
      ''answeredSeq'', v_conv."answeredSeq"),
    ''history'', CASE WHEN p_with_history THEN jsonb_build_object(''status'', v_case.status,
      ''answeredSeq'', v_conv."answeredSeq", ''messages'', amiable_debtor_messages(v_conv.id)) ELSE NULL END)\073
END
';

CREATE OR REPLACE FUNCTION amiable_open_connection_context(p_hash text, p_now text, p_new_id text,
  p_history int) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_open jsonb\073
BEGIN
  v_open := amiable_open_connection(p_hash, p_now, p_new_id, true)\073
  IF v_open IS NULL THEN
    RETURN NULL\073
  END IF\073
  RETURN v_open || jsonb_build_object(''context'',
    amiable_turn_context(v_open->>''caseId'', v_open->''conversation''->>''id'', p_history))\073
END
';

CREATE OR REPLACE FUNCTION amiable_batch(p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_item jsonb\073
  a jsonb\073
  v_result jsonb\073
  v_out jsonb := ''[]''::jsonb\073
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    a := v_item->''a''\073
    BEGIN
      IF v_item->>''f'' = ''open'' THEN
        v_result := amiable_open_connection_context(a->>0, a->>1, a->>2, (a->>3)::int)\073
      ELSIF v_item->>''f'' = ''commit'' THEN
        v_result := amiable_commit_plain_turn(a->>0, a->>1, (a->>2)::int, (a->>3)::int, a->>4, (a->>5)::jsonb, (a->>6)::int, a->>7, a->>8, a->>9, (a->>10)::jsonb, (a->>11)::boolean, (a->>12)::jsonb, (a->>13)::jsonb, (a->>14)::jsonb, (a->>15)::jsonb, (a->>16)::jsonb, (a->>17)::jsonb, a->>18, a->>19, a->>20)\073
      ELSE
        v_result := amiable_store_and_answer(a->>0, a->>1, (a->>2)::int, (a->>3)::int, a->>4, (a->>5)::jsonb, (a->>6)::int, a->>7, a->>8, a->>9, (a->>10)::jsonb, (a->>11)::boolean, (a->>12)::jsonb, (a->>13)::jsonb, (a->>14)::jsonb, (a->>15)::jsonb, (a->>16)::jsonb, (a->>17)::jsonb, a->>18, a->>19, a->>20, a->>21, a->>22, a->>23)\073
      END IF\073
      v_out := v_out || jsonb_build_array(jsonb_build_object(''ok'', v_result))\073
    EXCEPTION WHEN OTHERS THEN
      v_out := v_out || jsonb_build_array(jsonb_build_object(''error'', SQLERRM, ''code'', SQLSTATE))\073
    END\073
  END LOOP\073
  RETURN v_out\073
END
';
