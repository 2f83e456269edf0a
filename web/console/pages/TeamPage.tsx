// The team (admins): who has access and with which role; invite someone by e-mail (a one-time link
// to choose a password, shown here when no e-mail server is configured), change a role, disable an
// account (its sessions end at once), send a password reset.
import { type FormEvent, useState } from "react";
import type { InvitationView, TeamList } from "../../../contract/console-team.js";
import { request } from "../api.js";
import { ErrorText, Loading } from "../components/common.js";
import { instant } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import { currentLang, t } from "../i18n.js";
import { useSession } from "../session.js";
import type { Role } from "../types.js";
import type { PageText } from "../words-fr.js";

type Member = TeamList["items"][number];

export const ROLE_LABELS: Record<Role, PageText> = {
  collector: "Collector",
  policy_editor: "Policy editor",
  admin: "Administrator",
};
const ROLES = Object.keys(ROLE_LABELS) as Role[];

function LinkNotice({ who, invitation }: { who: string; invitation: InvitationView }) {
  return (
    <div className="ok" role="status">
      <p>
        {invitation.purpose === "invite" ? "Invitation" : "Password reset"} for {who}{" "}
        {invitation.delivery === "smtp"
          ? "sent by e-mail."
          : "queued (no e-mail server is configured): give this one-time link to the person yourself."}{" "}
        It expires {instant(invitation.expiresAt)}.
      </p>
      {invitation.link ? (
        <p>
          <input className="link-copy" readOnly aria-label="One-time link" value={invitation.link} />
        </p>
      ) : null}
    </div>
  );
}

function InviteForm({ onDone }: { onDone: (who: string, invitation: InvitationView) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("collector");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await action.run(() =>
      request<{ user: Member; invitation: InvitationView }>("POST", "/api/users", {
        // The e-mail goes out in the inviting admin's language (decision 0104).
        body: { email, role, language: currentLang() },
      }),
    );
    if (res) {
      setEmail("");
      onDone(res.user.email, res.invitation);
    }
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label={t("Invite a team member")}>
      <h2>{t("Invite a team member")}</h2>
      <label>
        {t("Email")}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t("Role")}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_LABELS[r])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn--primary" disabled={action.busy}>
        {t("Send the invitation")}
      </button>
      <ErrorText error={action.error} />
    </form>
  );
}

function MemberRow({
  member,
  self,
  onChange,
  onLink,
}: {
  member: Member;
  self: boolean;
  onChange: () => void;
  onLink: (who: string, invitation: InvitationView) => void;
}) {
  const action = useAction();
  const patch = (body: Record<string, unknown>) =>
    void action
      .run(() => request("PATCH", `/api/users/${member.id}`, { body }))
      .then((ok) => ok && onChange());
  const state = member.disabled
    ? t("Disabled")
    : member.pendingInvitation
      ? t("Invited, link valid until {when}", { when: instant(member.pendingInvitation.expiresAt) })
      : t("Active");
  return (
    <tr data-email={member.email}>
      <th scope="row">{member.email}</th>
      <td>
        <select
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={self || action.busy}
          onChange={(e) => patch({ role: e.target.value })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_LABELS[r])}
            </option>
          ))}
        </select>
      </td>
      <td className="member__state">{state}</td>
      <td>{instant(member.lastSeenAt)}</td>
      <td>
        <div className="actions">
          {!self && (
            <button
              type="button"
              className="btn"
              disabled={action.busy}
              onClick={() => patch({ disabled: !member.disabled })}
            >
              {member.disabled ? t("Enable") : t("Disable")}
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={action.busy || member.disabled}
            onClick={() =>
              void action
                .run(() =>
                  request<{ invitation: InvitationView }>("POST", `/api/users/${member.id}/password-reset`, {
                    body: { language: currentLang() },
                  }),
                )
                .then((res) => {
                  if (res) {
                    onLink(member.email, res.invitation);
                    onChange();
                  }
                })
            }
          >
            {t("Reset password")}
          </button>
        </div>
        <ErrorText error={action.error} />
      </td>
    </tr>
  );
}

export function TeamPage() {
  const session = useSession();
  const team = useResource(() => request<TeamList>("GET", "/api/users"), []);
  const [notice, setNotice] = useState<{ who: string; invitation: InvitationView } | null>(null);
  const onLink = (who: string, invitation: InvitationView) => setNotice({ who, invitation });
  return (
    <section className="page">
      <h1>{t("Team")}</h1>
      <InviteForm
        onDone={(who, invitation) => {
          onLink(who, invitation);
          team.reload();
        }}
      />
      {notice && <LinkNotice who={notice.who} invitation={notice.invitation} />}
      <ErrorText error={team.error} />
      {!team.data && team.loading && <Loading what={t("the team")} />}
      {team.data && (
        <table className="team">
          <caption className="sr-only">{t("Team members")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("Email")}</th>
              <th scope="col">{t("Role")}</th>
              <th scope="col">{t("State")}</th>
              <th scope="col">{t("Last seen")}</th>
              <th scope="col">{t("Actions")}</th>
            </tr>
          </thead>
          <tbody>
            {team.data.items.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                self={m.email === session.user?.email}
                onChange={team.reload}
                onLink={onLink}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
