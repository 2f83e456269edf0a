import type { Locale } from "../../shared/format.js";
import type { PageInfo } from "../chat/info.js";
import { useLocale } from "../locale.js";

interface Props {
  readonly info: PageInfo | undefined;
  readonly onLocale: (locale: Locale) => void;
  readonly onTalkToPerson: () => void;
  readonly personPending: boolean;
  /** A person holds the conversation: say so instead of the AI notice, and offer no "talk to a person". */
  readonly personPresent: boolean;
}

const LOCALES: readonly { code: Locale; label: string; name: string }[] = [
  { code: "fr", label: "FR", name: "Français" },
  { code: "en", label: "EN", name: "English" },
];

export function Header({ info, onLocale, onTalkToPerson, personPending, personPresent }: Props) {
  const { t, locale } = useLocale();
  const contact = info?.creditor.contactEmail;
  return (
    <header className="top">
      <div className="top__row">
        <div className="top__id">
          {info?.creditor.logoUrl?.startsWith("https://") ? (
            <img className="top__logo" src={info.creditor.logoUrl} alt="" height={32} />
          ) : null}
          <h1 className="top__creditor">{info?.creditor.displayName ?? info?.creditor.name ?? "\u00a0"}</h1>
          {info?.reference ? <p className="top__ref">{t.reference(info.reference)}</p> : null}
        </div>
        <fieldset className="langs">
          <legend className="sr-only">{t.languageLabel}</legend>
          {LOCALES.map((l) => (
            <button
              key={l.code}
              type="button"
              className="langs__btn"
              lang={l.code}
              aria-pressed={locale === l.code}
              onClick={() => onLocale(l.code)}
            >
              {l.label}
              <span className="sr-only"> {l.name}</span>
            </button>
          ))}
        </fieldset>
      </div>
      <div className="top__row top__row--notice">
        <p className="top__ai" aria-live="polite">
          <span className="badge">{personPresent ? t.personBadge : t.aiBadge}</span>{" "}
          <span className="top__ai-text">{personPresent ? t.personNotice : t.aiNotice}</span>
        </p>
        {personPresent ? null : (
          <button type="button" className="btn btn--person" onClick={onTalkToPerson} disabled={personPending}>
            {personPending ? t.personRequested : t.talkToPerson}
          </button>
        )}
      </div>
      {contact ? (
        <p className="top__contact">
          {t.contact}
          {t.colon}
          <a href={`mailto:${contact}`}>{contact}</a>
        </p>
      ) : null}
    </header>
  );
}
