// The policy packs this instance runs: loaded and validated from policies/ at boot, each content
// registered as a PolicyVersion. Cases pin the published version of their pack at creation; later
// turns of that case load the same content again, whatever has been published since.
import { fromRoot } from "../config/paths.js";
import type { Database } from "../db/open.js";
import { getPolicyVersion, publishedVersion, registerPackContent } from "../db/policy-versions.js";
import type { DebtorKind, Jurisdiction } from "../domain/case-facts.js";
import { AppError } from "../errors/app-error.js";
import { loadPacks, type PolicyPack, parsePack, selectPack } from "../policy/index.js";

export interface PinnedPolicy {
  readonly packId: string;
  readonly versionId: string;
  readonly hash: string;
  readonly pack: PolicyPack;
}

export class PolicyRegistry {
  private readonly byVersion = new Map<string, PinnedPolicy>();

  private constructor(
    private readonly db: Database,
    private readonly packs: Map<string, PolicyPack>,
  ) {}

  static async open(db: Database, dir = fromRoot("policies")): Promise<PolicyRegistry> {
    const loaded = await loadPacks(dir);
    const packs = new Map<string, PolicyPack>();
    for (const [id, entry] of loaded) {
      await registerPackContent(db.prisma, { packId: id, hash: entry.hash, content: entry.source });
      packs.set(id, entry.pack);
    }
    return new PolicyRegistry(db, packs);
  }

  /** The pack and published version for a new case, or a validation error naming the gap. */
  async pinFor(jurisdiction: Jurisdiction, kind: DebtorKind, currency: string): Promise<PinnedPolicy> {
    const selected = selectPack([...this.packs.values()], jurisdiction, kind, currency);
    if (!selected.ok) {
      const path = /currenc/i.test(selected.message) ? "currency" : "jurisdiction";
      throw new AppError("validation_failed", `No policy covers this case: ${selected.message}.`, [
        { path, message: selected.message },
      ]);
    }
    const version = await publishedVersion(this.db.prisma, selected.pack.id);
    if (!version) throw new AppError("internal", `no published version of policy ${selected.pack.id}`);
    return this.forVersion(version.id);
  }

  /** The exact pack content a case was pinned to. */
  async forVersion(versionId: string): Promise<PinnedPolicy> {
    const cached = this.byVersion.get(versionId);
    if (cached) return cached;
    const row = await getPolicyVersion(this.db.prisma, versionId);
    if (!row) throw new AppError("internal", `policy version ${versionId} is missing`);
    const parsed = parsePack(row.content, `${row.packId}@${row.hash.slice(0, 12)}`);
    if (!parsed.ok) throw new AppError("internal", `stored policy version ${versionId} no longer parses`);
    const pinned: PinnedPolicy = { packId: row.packId, versionId: row.id, hash: row.hash, pack: parsed.pack };
    this.byVersion.set(versionId, pinned);
    return pinned;
  }

  packIds(): string[] {
    return [...this.packs.keys()];
  }
}
