// Live revocation on one instance: revoking or rotating a debtor link, logging out and ending a
// user's access (disabled, new password) close the sockets they authorised at once, and the
// client cannot come back with the same credentials. (Two instances: server/cluster.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../test-support/console-client.js";
import { verifiedDebtor } from "../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../test-support/console-service.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { disconnection } from "../test-support/disconnection.js";
import { PASSWORD } from "../test-support/service.js";

describe.each(TEST_TARGETS)("live revocation on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("revoking a debtor link closes the debtor's open socket at once, and the link is refused", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const other = await verifiedDebtor(t);
    const closed = disconnection(debtor.socket);
    const res = await t.api("DELETE", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    expect(res.status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "link_invalid" },
    });
    // Another case's debtor is untouched and still chats.
    expect(other.debtor.socket.connected).toBe(true);
    expect((await other.debtor.say("Je peux payer la totalité")).role).toBe("assistant");
    other.debtor.close();
  });

  it("rotating a link closes sockets opened with the old one; the new link works", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const closed = disconnection(debtor.socket);
    const res = await t.api("POST", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    expect(res.status).toBe(201);
    expect(await closed).toBe("io server disconnect");
    await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "link_invalid" },
    });
    const fresh = await DebtorClient.connect(t.url, res.body.token);
    expect(fresh.socket.connected).toBe(true);
    fresh.close();
  });

  it("logging out closes the console sockets of that session only", async () => {
    const login = async () =>
      (await t.api("POST", "/api/login", { body: { email: "collector@test.local", password: PASSWORD } }))
        .body.token as string;
    const [first, second] = [await login(), await login()];
    const a = await ConsoleClient.connect(t.url, first);
    const b = await ConsoleClient.connect(t.url, second);
    const closed = disconnection(a.socket);
    expect((await t.api("POST", "/api/logout", { token: first })).status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    await expect(ConsoleClient.connect(t.url, first)).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
    // The same user's other session goes on.
    await new Promise((r) => setTimeout(r, 100));
    expect(b.socket.connected).toBe(true);
    b.close();
  });

  it("disabling a user closes all their sockets and sessions", async () => {
    const login = await t.api("POST", "/api/login", {
      body: { email: "collector2@test.local", password: PASSWORD },
    });
    const socket = await ConsoleClient.connect(t.url, login.body.token);
    const bystander = await ConsoleClient.connect(t.url, t.tokens.admin);
    const closed = disconnection(socket.socket);
    // An admin disables the user through the team API.
    const disabled = await t.api("PATCH", `/api/users/${t.userIds.collector2}`, {
      token: t.tokens.admin,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(await closed).toBe("io server disconnect");
    await expect(ConsoleClient.connect(t.url, login.body.token)).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
    expect((await t.api("GET", "/api/me", { token: t.tokens.collector2 })).status).toBe(401);
    expect(bystander.socket.connected).toBe(true);
    bystander.close();
  });
});
