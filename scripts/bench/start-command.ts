// The environment variables and node flags of `npm start` (package.json: `VAR=value node --flag
// dist/server/main.js`), so that the benchmarks run the service as users run it (decision 0106).
import { readFileSync } from "node:fs";

const startScript: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.start;
const startCommand = /((?:\w+=\S+ )*)node ((?:--\S+ )*)dist\/server\/main\.js/.exec(startScript);
if (!startCommand) throw new Error(`cannot read the node command in the start script: ${startScript}`);
const words = (s: string | undefined) => (s ?? "").split(" ").filter(Boolean);

export const START_ENV: Record<string, string> = Object.fromEntries(
  words(startCommand[1]).map((w) => w.split("=") as [string, string]),
);
export const NODE_FLAGS: string[] = words(startCommand[2]);
/** The node command of the start script as written there. */
export const START_COMMAND: string = startCommand[0];
