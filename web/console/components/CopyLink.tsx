// A debtor link shown once, with a copy button (the clipboard may be unavailable: then the text is
// selected so the user can copy it by hand).
import { useRef, useState } from "react";
import { t } from "../i18n.js";

export function CopyLink({ link }: { link: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      ref.current?.select();
      setCopied("select");
    }
  };
  return (
    <div className="copy-link">
      <input
        ref={ref}
        readOnly
        value={link}
        aria-label={t("Debtor link")}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="btn" onClick={() => void copy()}>
        {t("Copy")}
      </button>
      <span role="status" className="muted">
        {copied === "yes" ? t("Copied.") : copied === "select" ? t("Press Ctrl+C to copy.") : ""}
      </span>
    </div>
  );
}
