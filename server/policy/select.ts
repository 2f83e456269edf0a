// Which pack governs a case. The packs declare what they cover (jurisdictions x debtor kinds x
// currencies); a case no pack covers is refused when it is created, with a message saying why.
import type { DebtorKind, Jurisdiction } from "../domain/case-facts.js";
import type { PolicyPack } from "./schema.js";

/** The shipped mapping, for callers that only need an id; selectPack derives the same from the packs. */
const SHIPPED: Readonly<Record<`${Jurisdiction}/${DebtorKind}`, string>> = {
  "FR/business": "fr-business",
  "FR/consumer": "fr-consumer",
  "US/consumer": "us-consumer",
  "UK/consumer": "uk-consumer",
  "US/business": "generic-business",
  "UK/business": "generic-business",
};

export function packIdFor(jurisdiction: Jurisdiction, debtorKind: DebtorKind): string | undefined {
  return SHIPPED[`${jurisdiction}/${debtorKind}`];
}

export type PackSelection = { ok: true; pack: PolicyPack } | { ok: false; message: string };

type PackSource = ReadonlyMap<string, { readonly pack: PolicyPack }> | Iterable<PolicyPack>;

function packsOf(source: PackSource): PolicyPack[] {
  if (source instanceof Map) return [...source.values()].map((v: { pack: PolicyPack }) => v.pack);
  return [...(source as Iterable<PolicyPack>)];
}

export function selectPack(
  source: PackSource,
  jurisdiction: Jurisdiction,
  debtorKind: DebtorKind,
  currency?: string,
): PackSelection {
  const packs = packsOf(source);
  const covering = packs.filter(
    (p) => p.jurisdictions.includes(jurisdiction) && p.debtorKinds.includes(debtorKind),
  );
  if (covering.length === 0)
    return { ok: false, message: `no policy pack covers ${debtorKind} debtors in ${jurisdiction}` };
  if (covering.length > 1)
    return {
      ok: false,
      message: `several policy packs cover ${debtorKind} debtors in ${jurisdiction}: ${covering.map((p) => p.id).join(", ")}`,
    };
  const pack = covering[0] as PolicyPack;
  if (currency !== undefined && !pack.currencies.includes(currency))
    return {
      ok: false,
      message: `policy pack ${pack.id} (${debtorKind} debtors in ${jurisdiction}) accepts ${pack.currencies.join(", ")}, not ${currency}`,
    };
  return { ok: true, pack };
}
