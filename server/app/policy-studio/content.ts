// A pack's content in the two shapes the studio speaks: the stored YAML text and the JSON the API
// and the editor exchange (the same shape as the YAML, before defaults are applied).
import { parseDocument, stringify } from "yaml";

export function contentAsJson(yaml: string): unknown {
  return parseDocument(yaml, { merge: true }).toJS({ maxAliasCount: 1000 });
}

export function contentAsYaml(json: unknown): string {
  return stringify(json, { lineWidth: 0 });
}
