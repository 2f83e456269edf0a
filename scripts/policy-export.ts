// npm run policy:export [-- DIR]: writes the published version of every pack in the database
// (DATABASE_URL or DATA_DIR, as the service) to DIR/<pack>.yaml (default policies/), so the files
// can be committed again after changes made in the policy studio.
import { mkdirSync } from "node:fs";
import { exportPublishedPacks } from "../server/app/policy-studio/export.js";
import { loadEnv } from "../server/config/env.js";
import { openDatabase } from "../server/db/open.js";

const dir = process.argv[2] ?? "policies";
const env = loadEnv(process.env);
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  mkdirSync(dir, { recursive: true });
  for (const file of await exportPublishedPacks(db.stores.policies, dir)) console.log(`wrote ${file}`);
} finally {
  await db.close();
}
process.exit(0);
