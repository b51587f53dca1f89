import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp, type App, type AppOptions } from "../app.ts";
import type { Db } from "../db/database.ts";
import { TEST_PASSWORD } from "./factories.ts";

export async function testApp(db: Db, options: Pick<AppOptions, "allowSetup" | "clock" | "oidc"> = {}): Promise<App> {
  return buildApp({
    db,
    config: { PLOEGWERK_SECURE_COOKIES: "auto", PLOEGWERK_TRUST_PROXY: "false", PLOEGWERK_SESSION_HOURS: 12, LOG_LEVEL: "silent" },
    allowSetup: options.allowSetup ?? false,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
  });
}

export interface Client {
  cookie: string;
  request(method: InjectOptions["method"], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function clientWithCookie(app: App, cookie: string): Client {
  const request = (method: InjectOptions["method"], url: string, body?: unknown) =>
    app.inject({ method, url, headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
  return {
    cookie,
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body ?? {}),
    put: (url, body) => request("PUT", url, body ?? {}),
    delete: (url) => request("DELETE", url),
  };
}

/** Logs in over HTTP like a browser would and returns a client carrying the session cookie. */
export async function loginAs(app: App, email: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email, password }) });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers["set-cookie"];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = raw?.split(";")[0];
  if (!cookie) throw new Error("login gave no cookie");
  return clientWithCookie(app, cookie);
}
