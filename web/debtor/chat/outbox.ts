// What the debtor sent that the server has not acknowledged yet, in order, kept in sessionStorage
// so that a reload or a lost connection loses nothing. Each item keeps its clientMessageId for
// life: a retry with the same id is stored once by the server and acknowledged with the same id.
import type { DebtorActionType as ActionType } from "../../../contract/enums.js";

export type OutboxItem =
  | {
      readonly kind: "message";
      readonly clientMessageId: string;
      readonly text: string;
      readonly queuedAt: string;
    }
  | {
      readonly kind: "action";
      readonly clientMessageId: string;
      readonly type: ActionType;
      readonly offerId?: string;
      readonly queuedAt: string;
    };

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function isItem(value: unknown): value is OutboxItem {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  if (typeof v.clientMessageId !== "string" || typeof v.queuedAt !== "string") return false;
  if (v.kind === "message") return typeof v.text === "string";
  if (v.kind === "action") {
    return (
      (v.type === "accept_offer" || v.type === "decline_offer" || v.type === "request_human") &&
      (v.offerId === undefined || typeof v.offerId === "string")
    );
  }
  return false;
}

/** A short, stable, non-reversible key per link, so that the token never lands in storage keys. */
export function storageKey(token: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `amiable:outbox:${(h >>> 0).toString(36)}`;
}

/** Random ids without crypto.randomUUID, which plain-http deployments lack. */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `c-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export class Outbox {
  private items: OutboxItem[];

  constructor(
    private readonly storage: StorageLike | null,
    private readonly key: string,
  ) {
    this.items = this.load();
  }

  private load(): OutboxItem[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (this.items.length) this.storage?.setItem(this.key, JSON.stringify(this.items));
      else this.storage?.removeItem(this.key);
    } catch {
      // Storage full or disabled (private mode): the queue still lives in memory.
    }
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  first(): OutboxItem | undefined {
    return this.items[0];
  }

  add(item: OutboxItem): void {
    if (this.items.some((i) => i.clientMessageId === item.clientMessageId)) return;
    this.items = [...this.items, item];
    this.save();
  }

  remove(clientMessageId: string): OutboxItem | undefined {
    const found = this.items.find((i) => i.clientMessageId === clientMessageId);
    if (!found) return undefined;
    this.items = this.items.filter((i) => i.clientMessageId !== clientMessageId);
    this.save();
    return found;
  }
}
