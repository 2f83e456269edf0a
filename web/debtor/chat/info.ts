// The page header's data and the case's promises (GET /c/<token>/info).
import { useEffect, useState } from "react";
import { isLocale, type Locale } from "../../shared/format.js";

export interface PromiseInfo {
  readonly id: string;
  readonly offerId: string;
  readonly status: string;
  readonly total: number;
  readonly currency: string;
  readonly acceptedAt: string;
  readonly instalments: readonly { seq: number; dueDate: string; amount: number }[];
}

export interface PageInfo {
  readonly creditor: {
    readonly name: string;
    /** What the creditor wants debtors to see instead of its legal name, and its logo (https). */
    readonly displayName?: string;
    readonly logoUrl?: string;
    readonly contactEmail?: string;
    readonly contactPhone?: string;
  };
  readonly locale: Locale;
  readonly timeZone?: string;
  readonly reference?: string;
  /** Online payment (Stripe Checkout) is configured: offers can be accepted and paid at once. */
  readonly payNow?: boolean;
  readonly promises: readonly PromiseInfo[];
}

/** The link's token and base path, from a page path such as /c/<token>. */
export function linkFromPath(pathname: string): { token: string; base: string } | null {
  const match = /^\/c\/([A-Za-z0-9_-]{43})\/?$/.exec(pathname);
  return match?.[1] ? { token: match[1], base: `/c/${match[1]}` } : null;
}

function parseInfo(body: unknown): PageInfo | null {
  const b = body as Partial<PageInfo> | null;
  if (
    !b ||
    typeof b !== "object" ||
    !b.creditor ||
    typeof b.creditor.name !== "string" ||
    !isLocale(b.locale)
  )
    return null;
  return { ...b, promises: Array.isArray(b.promises) ? b.promises : [] } as PageInfo;
}

/** Loads the info, again whenever `refresh` changes (e.g. once a promise is recorded). */
export function usePageInfo(base: string, refresh: string): PageInfo | undefined {
  const [info, setInfo] = useState<PageInfo>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the re-fetch trigger
  useEffect(() => {
    const controller = new AbortController();
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const res = await fetch(`${base}/info`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
          cache: "no-store",
        });
        if (res.ok) {
          const parsed = parseInfo(await res.json());
          if (parsed) setInfo(parsed);
          return;
        }
        if (res.status < 500) return; // the socket's refusal explains a dead link
      } catch {
        if (controller.signal.aborted) return;
      }
      attempt += 1;
      if (attempt < 6) timer = setTimeout(load, 1000 * attempt);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [base, refresh]);
  return info;
}
