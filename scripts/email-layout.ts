// `npm run email:layout`: compiles server/app/outreach/email-layout.mjml with the installed MJML and
// writes server/app/outreach/email-layout.json, the layout the service fills to send an e-mail
// without loading MJML (decision 0123). server/app/outreach/email-layout.test.ts fails when the two
// disagree: run this after editing the .mjml file or updating mjml.
import { writeFileSync } from "node:fs";
import { LAYOUT_TABLE_PATH } from "../server/app/outreach/email-layout.js";
import { compileEmailLayout } from "../server/app/outreach/email-layout-source.js";

const compiled = await compileEmailLayout();
writeFileSync(LAYOUT_TABLE_PATH, `${JSON.stringify(compiled, null, 2)}\n`);
console.log(`Wrote ${LAYOUT_TABLE_PATH}: ${compiled.html.length} characters of HTML, MJML ${compiled.mjml}`);
process.exit(0);
