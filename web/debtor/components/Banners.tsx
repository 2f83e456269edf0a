import type { ChatCaseStatus as CaseStatus } from "../../../contract/enums.js";
import type { Connection, Notice } from "../chat/client.js";
import { useLocale } from "../locale.js";

interface Props {
  readonly connection: Connection;
  readonly everConnected: boolean;
  readonly status: CaseStatus | undefined;
  readonly notices: readonly Notice[];
  readonly onDismiss: (key: string) => void;
}

export function Banners({ connection, everConnected, status, notices, onDismiss }: Props) {
  const { t } = useLocale();
  const offline = connection === "offline" || (connection === "connecting" && everConnected);
  return (
    <div className="banners">
      <div role="status" className="banners__live">
        {offline ? (
          <p className="banner banner--offline" data-banner="offline">
            {t.offline}
          </p>
        ) : null}
        {connection === "connecting" && !everConnected ? (
          <p className="banner banner--quiet">{t.connecting}</p>
        ) : null}
        {status === "escalated" ? (
          <p className="banner banner--info" data-banner="escalated">
            {t.escalated}
          </p>
        ) : null}
      </div>
      <div role="alert" className="banners__live">
        {notices.map((n) => (
          <div key={n.key} className="banner banner--error" data-notice={n.code}>
            <p>{t.errors[n.code] ?? t.errors.internal}</p>
            <button type="button" className="btn btn--small" onClick={() => onDismiss(n.key)}>
              {t.dismiss}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
