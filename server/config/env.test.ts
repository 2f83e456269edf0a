import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv, publicUrl } from "./env.js";

describe("loadEnv", () => {
  it("applies the documented defaults", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEBTOR_LINK_TTL_DAYS).toBe(30);
    expect(publicUrl(env, 3000)).toBe("http://127.0.0.1:3000");
  });

  it("names each bad variable and the reason", () => {
    try {
      loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_EMAIL: "not-an-email", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: must be a postgres/m);
      expect(problems).toMatch(/^ADMIN_EMAIL: /m);
      expect(problems).toMatch(/^LOG_LEVEL: /m);
    }
  });

  it("treats empty strings as unset and refuses a short admin password", () => {
    expect(loadEnv({ DATABASE_URL: "", OPENAI_API_KEY: "" }).DATABASE_URL).toBeUndefined();
    expect(() => loadEnv({ ADMIN_EMAIL: "a@b.co", ADMIN_PASSWORD: "short" })).toThrow(
      /ADMIN_PASSWORD: must be at least 12/,
    );
    expect(() => loadEnv({ ADMIN_PASSWORD: "long-enough-password" })).toThrow(/ADMIN_EMAIL: required/);
  });

  it("takes TRUST_PROXY as a hop count and refuses true", () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(0);
    expect(loadEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(loadEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => loadEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: must be a number of proxy hops/);
    expect(() => loadEnv({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
  });

  it("has a turn deadline, 25 s unless set", () => {
    expect(loadEnv({}).TURN_DEADLINE_MS).toBe(25_000);
    expect(loadEnv({ TURN_DEADLINE_MS: "3000" }).TURN_DEADLINE_MS).toBe(3000);
    expect(() => loadEnv({ TURN_DEADLINE_MS: "10" })).toThrow(/TURN_DEADLINE_MS/);
  });
});
