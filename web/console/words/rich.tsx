// A page sentence with React pieces in its placeholders (a name in bold, a link): the sentence is
// translated whole, so the word order stays the translator's, and the pieces go where it puts them.
import { Fragment, type ReactNode } from "react";
import { t } from "../i18n.js";
import type { PageText } from "../words-fr.js";

export function Rich({ text, values }: { text: PageText; values: Record<string, ReactNode> }) {
  const marks: Record<string, string> = {};
  for (const name of Object.keys(values)) marks[name] = `\u0000${name}\u0000`;
  const parts = t(text, marks).split("\u0000");
  // Odd parts are placeholder names, even parts are the sentence's own words.
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never reorder
        i % 2 === 1 ? <Fragment key={i}>{values[part]}</Fragment> : part,
      )}
    </>
  );
}
