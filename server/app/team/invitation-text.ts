// The words of the invitation and password-reset e-mails. A new collector reads them before they have
// ever seen the console, so: who invited them and as what (the role in plain words), the one link,
// how long it works, what to do if it has expired or was not expected. The language is the inviting
// admin's console language (decision 0104); an API client that does not say gets French then English.
export type MailLanguage = "fr" | "en";

export interface InvitationMail {
  readonly to: string;
  readonly purpose: "invite" | "reset";
  readonly role: string;
  readonly link: string;
  readonly expiresAt: Date;
  /** The admin who sent it (their e-mail), named in the message so the person knows who to ask. */
  readonly invitedBy?: string;
  readonly language?: MailLanguage;
}

const ROLE: Record<MailLanguage, Record<string, string>> = {
  fr: { collector: "conseiller", policy_editor: "éditeur de politiques", admin: "administrateur" },
  en: { collector: "collector", policy_editor: "policy editor", admin: "administrator" },
};

/** "jeudi 10 décembre 2026 à 12:30 (heure de Paris)" / "Thursday 10 December 2026, 11:30 UTC". */
function until(date: Date, lang: MailLanguage): string {
  if (lang === "fr")
    return `${new Intl.DateTimeFormat("fr-FR", {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: "Europe/Paris",
    }).format(date)} (heure de Paris)`;
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}

function paragraphs(mail: InvitationMail, lang: MailLanguage): { subject: string; lines: string[] } {
  const role = ROLE[lang][mail.role] ?? mail.role;
  const when = until(mail.expiresAt, lang);
  if (lang === "fr") {
    if (mail.purpose === "invite")
      return {
        subject: "Votre accès à la console amiable",
        lines: [
          "Bonjour,",
          `${mail.invitedBy ? `${mail.invitedBy} vous invite` : "Vous êtes invité(e)"} à rejoindre la console amiable en tant ${/^[aeéiou]/.test(role) ? "qu'" : "que "}${role}.`,
          "Pour ouvrir votre compte, choisissez votre mot de passe (12 caractères au moins) :",
          mail.link,
          `Ce lien ne sert qu'une fois et expire le ${when}. S'il a expiré, demandez-en un nouveau à un administrateur.`,
          "Vous n'attendiez pas cette invitation ? Ignorez ce message : aucun compte ne s'ouvre sans ce lien.",
        ],
      };
    return {
      subject: "Choisissez un nouveau mot de passe amiable",
      lines: [
        "Bonjour,",
        `${mail.invitedBy ?? "Un administrateur"} a réinitialisé le mot de passe de votre compte amiable (${mail.to}).`,
        "Choisissez-en un nouveau (12 caractères au moins) :",
        mail.link,
        `Ce lien ne sert qu'une fois et expire le ${when}.`,
        "Vous n'avez rien demandé ? Prévenez votre administrateur.",
      ],
    };
  }
  if (mail.purpose === "invite")
    return {
      subject: "Your access to the amiable console",
      lines: [
        "Hello,",
        `${mail.invitedBy ? `${mail.invitedBy} invites you` : "You are invited"} to join the amiable console as ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}.`,
        "To open your account, choose your password (12 characters or more):",
        mail.link,
        `This link works once and expires on ${when}. If it has expired, ask an administrator for a new one.`,
        "Not expecting this invitation? Ignore this message: no account opens without this link.",
      ],
    };
  return {
    subject: "Choose a new amiable password",
    lines: [
      "Hello,",
      `${mail.invitedBy ?? "An administrator"} reset the password of your amiable account (${mail.to}).`,
      "Choose a new one (12 characters or more):",
      mail.link,
      `This link works once and expires on ${when}.`,
      "Did not ask for this? Tell your administrator.",
    ],
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function html(blocks: { lang: MailLanguage; lines: string[] }[], link: string): string {
  const body = blocks
    .map(
      ({ lang, lines }) =>
        `<div lang="${lang}">${lines
          .map((l) =>
            l === link
              ? `<p><a href="${escapeHtml(link)}">${lang === "fr" ? "Choisir mon mot de passe" : "Choose my password"}</a></p>`
              : `<p>${escapeHtml(l)}</p>`,
          )
          .join("")}</div>`,
    )
    .join("<hr>");
  return `<!doctype html><html><body>${body}<p>— amiable</p></body></html>`;
}

/** Subject, plain text and HTML: in the given language, or French then English. */
export function invitationText(mail: InvitationMail): { subject: string; text: string; html: string } {
  const langs: MailLanguage[] = mail.language ? [mail.language] : ["fr", "en"];
  const blocks = langs.map((lang) => ({ lang, ...paragraphs(mail, lang) }));
  return {
    subject: blocks.map((b) => b.subject).join(" / "),
    text: `${blocks.map((b) => b.lines.join("\n\n")).join("\n\n-----\n\n")}\n\n— amiable\n`,
    html: html(blocks, mail.link),
  };
}
