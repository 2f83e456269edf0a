// A real OpenID Connect provider on loopback for the single sign-on tests (oidc-provider with its
// development login and consent pages): any login name is accepted and becomes the account id,
// whose e-mail claim is that name, verified. The listening port is known before the provider is
// built, so the issuer and the console's redirect URI can point at each other.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface LocalProvider {
  readonly issuer: string;
  /** Registers the client once the console's URL is known. */
  start(client: { clientId: string; clientSecret: string; redirectUri: string }): void;
  close(): Promise<void>;
}

export async function listenLocalProvider(): Promise<LocalProvider> {
  let handler: ((req: unknown, res: unknown) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    start({ clientId, clientSecret, redirectUri }) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        findAccount: async (_ctx, id) => ({
          accountId: id,
          claims: async () => ({ sub: id, email: id, email_verified: true }),
        }),
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ["test-only-cookie-key"] },
      });
      handler = provider.callback() as (req: unknown, res: unknown) => void;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
