// The page language: the case's locale first, then the debtor's choice in the header (kept for
// the tab's session). Components read words and formats from this context.
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { isLocale, type Locale } from "../shared/format.js";
import { STRINGS, type Strings } from "./i18n.js";

const KEY = "amiable:locale";

export interface LocaleValue {
  readonly locale: Locale;
  readonly t: Strings;
  readonly timeZone: string | undefined;
}

export const LocaleContext = createContext<LocaleValue>({ locale: "fr", t: STRINGS.fr, timeZone: undefined });

export const useLocale = () => useContext(LocaleContext);

function stored(): Locale | undefined {
  try {
    const v = sessionStorage.getItem(KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function guess(): Locale {
  return navigator.language?.toLowerCase().startsWith("en") ? "en" : "fr";
}

/** The chosen locale, the case locale once known, or the browser's language until then. */
export function usePageLocale(caseLocale: Locale | undefined): [Locale, (l: Locale) => void] {
  const [choice, setChoice] = useState<Locale | undefined>(stored);
  const locale = choice ?? caseLocale ?? guess();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const choose = useCallback((l: Locale) => {
    setChoice(l);
    try {
      sessionStorage.setItem(KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  return [locale, choose];
}
