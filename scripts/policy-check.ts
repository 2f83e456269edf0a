// npm run policy:check [files...]: validates policy packs (default: policies/*.yaml) and prints
// "file:line path: message" for every problem, then renders every outreach template each valid pack
// uses through the output guard. Exit code 1 when any pack or template is invalid.
import { checkOutreachTemplates } from "../server/app/outreach/template-check.js";
import { checkPackFiles } from "../server/policy/check-files.js";
import { loadPackFile } from "../server/policy/load.js";

const files = process.argv.slice(2);
const report = checkPackFiles(files.length > 0 ? files : undefined);
for (const line of report.lines)
  (line.startsWith("ok ") ? process.stdout : process.stderr).write(`${line}\n`);
if (!report.ok) process.stderr.write(`${report.errors.length} problem(s) found\n`);

const valid = report.lines
  .filter((l) => l.startsWith("ok "))
  .map((l) => loadPackFile(l.split(" ")[1] ?? ""))
  .flatMap((r) => (r.ok ? [r] : []));
const outreach = await checkOutreachTemplates(valid);
for (const line of outreach.lines)
  (line.startsWith("ok ") ? process.stdout : process.stderr).write(`${line}\n`);
process.exitCode = report.ok && outreach.ok ? 0 : 1;
