// The policy packs this instance runs. The database holds them (decision 0060): the files in
// policies/ seed it at boot, the policy studio publishes and rolls back there. Cases pin the
// published version of their pack at creation; later turns load that same content again,
// whatever has been published since.
//
// Several instances: every new case reads the published version ids (one small query) before it
// pins, so a publication on one instance is used by the next case on every other, with no event
// to miss and no restart. Parsed contents are cached by version id: a version's content never
// changes once stored.
import { fromRoot } from "../config/paths.js";
import type { DebtorKind, Jurisdiction } from "../domain/case-facts.js";
import { AppError } from "../errors/app-error.js";
import { loadPacks, type PolicyPack, parsePack, selectPack } from "../policy/index.js";
import type { PolicyVersionReader, PolicyVersionsStore } from "./ports/policies.js";

/** What the registry needs of storage (the service passes its database handle). */
export interface PolicyStorage {
  readonly stores: { readonly policies: PolicyVersionsStore };
}

export interface PinnedPolicy {
  readonly packId: string;
  readonly versionId: string;
  readonly hash: string;
  readonly pack: PolicyPack;
}

export class PolicyRegistry {
  private readonly byVersion = new Map<string, PinnedPolicy>();

  private readonly versions: PolicyVersionsStore;

  private constructor(storage: PolicyStorage) {
    this.versions = storage.stores.policies;
  }

  /** Seeds the database from the pack files of `dir` (see registerPackContent) and opens the registry. */
  static async open(db: PolicyStorage, dir = fromRoot("policies")): Promise<PolicyRegistry> {
    const loaded = loadPacks(dir);
    for (const [id, entry] of loaded)
      await db.stores.policies.registerPackContent({ packId: id, hash: entry.hash, content: entry.source });
    return new PolicyRegistry(db);
  }

  /** The published version of every pack, parsed, read from the database now. */
  async published(): Promise<PinnedPolicy[]> {
    const stamps = await this.versions.publishedStamps();
    return Promise.all(stamps.map((s) => this.forVersion(s.id)));
  }

  /** The pack and published version for a new case, or a validation error naming the gap. */
  async pinFor(jurisdiction: Jurisdiction, kind: DebtorKind, currency: string): Promise<PinnedPolicy> {
    const published = await this.published();
    const selected = selectPack(
      published.map((p) => p.pack),
      jurisdiction,
      kind,
      currency,
    );
    if (!selected.ok) {
      const path = /currenc/i.test(selected.message) ? "currency" : "jurisdiction";
      throw new AppError("validation_failed", `No policy covers this case: ${selected.message}.`, [
        { path, message: selected.message },
      ]);
    }
    const pinned = published.find((p) => p.packId === selected.pack.id);
    if (!pinned) throw new AppError("internal", `no published version of policy ${selected.pack.id}`);
    return pinned;
  }

  /**
   * The exact pack content a case was pinned to. Inside a transaction, pass its reader (tx.policies):
   * a version not yet cached (the first after a restart) is then read in the transaction.
   */
  async forVersion(versionId: string, via: PolicyVersionReader = this.versions): Promise<PinnedPolicy> {
    const cached = this.byVersion.get(versionId);
    if (cached) return cached;
    const row = await via.get(versionId);
    if (!row) throw new AppError("internal", `policy version ${versionId} is missing`);
    const parsed = parsePack(row.content, `${row.packId}@${row.hash.slice(0, 12)}`);
    if (!parsed.ok) throw new AppError("internal", `stored policy version ${versionId} no longer parses`);
    const pinned: PinnedPolicy = { packId: row.packId, versionId: row.id, hash: row.hash, pack: parsed.pack };
    this.byVersion.set(versionId, pinned);
    return pinned;
  }

  async packIds(): Promise<string[]> {
    return (await this.published()).map((p) => p.packId);
  }
}
