// Live takeover from the case page: take the conversation over (the server then refuses every
// assistant message), write to the debtor as a person, make an offer the policy allows, and hand
// back to the assistant with a note.
import { type FormEvent, useState } from "react";
import { request } from "../api.js";
import { label, money } from "../format.js";
import { useAction } from "../hooks.js";
import { useSession } from "../session.js";
import { ErrorText } from "./common.js";

export function TakeoverPanel({
  caseId,
  ownerId,
  onChange,
}: {
  caseId: string;
  ownerId: string | null;
  onChange: () => void;
}) {
  const session = useSession();
  const take = useAction();
  const me = session.user?.id;
  // Without the user id (older /api/me), an owned conversation is assumed ours: the server decides.
  const mine = ownerId !== null && (me === undefined || ownerId === me);
  if (!ownerId) {
    return (
      <section className="card takeover" aria-label="Takeover">
        <h2>The assistant is talking</h2>
        <p>
          Take over to talk to the debtor yourself. The assistant stays silent until you hand back, even a
          reply it is writing now.
        </p>
        <ErrorText error={take.error} />
        <button
          type="button"
          className="btn btn--primary"
          disabled={take.busy}
          onClick={() =>
            void take.run(() => request("POST", `/api/cases/${caseId}/takeover`, { body: {} })).then(onChange)
          }
        >
          Take over the conversation
        </button>
      </section>
    );
  }
  if (!mine) {
    return (
      <section className="card takeover" aria-label="Takeover">
        <h2>Another collector owns this conversation</h2>
        <p>They must hand it back before you can write.</p>
      </section>
    );
  }
  return (
    <section className="card takeover takeover--mine" aria-label="Takeover">
      <h2>You own this conversation</h2>
      <p className="hint">
        The debtor sees your messages as coming from a member of the team. The assistant is locked out.
      </p>
      <Composer caseId={caseId} onSent={onChange} />
      <OfferForm caseId={caseId} onOffered={onChange} />
      <HandBack caseId={caseId} onDone={onChange} />
    </section>
  );
}

function Composer({ caseId, onSent }: { caseId: string; onSent: () => void }) {
  const [text, setText] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clientMessageId = `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const ok = await action.run(() =>
      request("POST", `/api/cases/${caseId}/messages`, { body: { text, clientMessageId } }),
    );
    if (ok) {
      setText("");
      onSent();
    }
  };
  return (
    <form className="composer" onSubmit={submit} aria-label="Write to the debtor">
      <label>
        Message to the debtor
        <textarea
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              if (text.trim()) e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </label>
      <span className="muted">{text.length} / 2000</span>
      <ErrorText error={action.error} />
      <button type="submit" className="btn btn--primary" disabled={action.busy || !text.trim()}>
        Send
      </button>
    </form>
  );
}

interface OfferResult {
  recorded: boolean;
  decision: "accept" | "counter" | "refuse";
  explanation?: string;
  terms?: {
    kind: string;
    total: number;
    currency: string;
    instalments: { dueDate: string; amount: number }[];
  };
}

function OfferForm({ caseId, onOffered }: { caseId: string; onOffered: () => void }) {
  const [kind, setKind] = useState("plan");
  const [count, setCount] = useState("3");
  const [cadence, setCadence] = useState("monthly");
  const [result, setResult] = useState<OfferResult | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = kind === "plan" ? { kind, count: Number(count), cadence } : { kind };
    const res = await action.run(() => request<OfferResult>("POST", `/api/cases/${caseId}/offers`, { body }));
    if (res) {
      setResult(res);
      if (res.recorded) onOffered();
    }
  };
  return (
    <details className="offer-form">
      <summary>Make an offer (checked by the policy)</summary>
      <form onSubmit={submit}>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="full">Full payment</option>
            <option value="plan">Instalment plan</option>
            <option value="settlement">Settlement</option>
          </select>
        </label>
        {kind === "plan" && (
          <>
            <label>
              Instalments
              <input
                type="number"
                min={1}
                max={60}
                value={count}
                onChange={(e) => setCount(e.target.value)}
              />
            </label>
            <label>
              Every
              <select value={cadence} onChange={(e) => setCadence(e.target.value)}>
                <option value="monthly">month</option>
                <option value="biweekly">two weeks</option>
                <option value="weekly">week</option>
              </select>
            </label>
          </>
        )}
        <ErrorText error={action.error} />
        <button type="submit" className="btn" disabled={action.busy}>
          Send the offer
        </button>
      </form>
      {result && (
        <p role="status" className={result.recorded ? "ok" : "warn"}>
          {result.recorded
            ? `Offer sent: ${label(result.terms?.kind ?? "")} ${result.terms ? money(result.terms.total, result.terms.currency) : ""}.`
            : `Not sent (${result.decision}): ${result.explanation ?? ""}${
                result.terms
                  ? ` The policy would allow ${label(result.terms.kind)} ${money(result.terms.total, result.terms.currency)} in ${result.terms.instalments.length}.`
                  : ""
              }`}
        </p>
      )}
    </details>
  );
}

function HandBack({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [note, setNote] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => request("POST", `/api/cases/${caseId}/handback`, { body: { note } }));
    if (ok) {
      setNote("");
      onDone();
    }
  };
  return (
    <form className="handback" onSubmit={submit} aria-label="Hand back to the assistant">
      <label>
        Note for the transcript
        <input required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorText error={action.error} />
      <button type="submit" className="btn" disabled={action.busy || !note.trim()}>
        Hand back to the assistant
      </button>
    </form>
  );
}
