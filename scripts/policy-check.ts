// npm run policy:check [files...]: validates policy packs (default: policies/*.yaml) and prints
// "file:line path: message" for every problem. Exit code 1 when any pack is invalid.
import { checkPackFiles } from "../server/policy/check-files.js";

const files = process.argv.slice(2);
const report = checkPackFiles(files.length > 0 ? files : undefined);
for (const line of report.lines)
  (line.startsWith("ok ") ? process.stdout : process.stderr).write(`${line}\n`);
if (!report.ok) process.stderr.write(`${report.errors.length} problem(s) found\n`);
process.exitCode = report.ok ? 0 : 1;
