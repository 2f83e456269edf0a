// Shown when the server refuses the link on the socket (it expired or was locked while the page
// was open); a fresh load gets the server's bilingual page with the creditor's contact instead.
import { useLocale } from "../locale.js";

export function LinkProblem({ code }: { code: string }) {
  const { t } = useLocale();
  const locked = code === "link_locked";
  return (
    <main className="problem" data-problem={locked ? "locked" : "invalid"}>
      <h1>{locked ? t.linkLockedTitle : t.linkInvalidTitle}</h1>
      <p>{locked ? t.linkLocked : t.linkInvalid}</p>
    </main>
  );
}
