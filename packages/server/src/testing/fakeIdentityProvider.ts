import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small OpenID Connect provider on the loopback interface, for the log-in tests: discovery,
 * JWKS and a token endpoint that checks the client, the redirect URI and PKCE, and answers an
 * RS256-signed ID token. The "log-in at the provider" is `issueCode`, which the test calls with
 * the nonce and code challenge it read from the authorization URL.
 */
export interface FakeIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A code for the next token request; `nonce` and `challenge` come from the authorization URL. */
  issueCode(grant: { subject: string; email?: string; emailVerified?: boolean; nonce: string; challenge: string; amr?: string[] }): string;
  /** Token requests it received, for assertions. */
  readonly tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

interface Grant {
  subject: string;
  email?: string | undefined;
  emailVerified?: boolean | undefined;
  nonce: string;
  challenge: string;
  amr?: string[] | undefined;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${sign("sha256", Buffer.from(`${head}.${body}`), key).toString("base64url")}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeIdentityProvider(opts: { redirectUri: string }): Promise<FakeIdentityProvider> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const clientId = "ploegwerk-test";
  const clientSecret = randomBytes(16).toString("hex");
  const grants = new Map<string, Grant>();
  const tokenRequests: URLSearchParams[] = [];
  let issuer = "";

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (req.method === "GET" && url.pathname === "/jwks") {
      return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    }
    if (req.method === "POST" && url.pathname === "/token") {
      const form = new URLSearchParams(await readBody(req));
      tokenRequests.push(form);
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, "base64").toString("utf8").split(":").map((s) => decodeURIComponent(s))
        : [form.get("client_id"), form.get("client_secret")];
      if (id !== clientId || secret !== clientSecret) return json(401, { error: "invalid_client" });
      const grant = grants.get(form.get("code") ?? "");
      grants.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      if (!grant || form.get("grant_type") !== "authorization_code" || form.get("redirect_uri") !== opts.redirectUri) return json(400, { error: "invalid_grant" });
      if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) return json(400, { error: "invalid_grant", error_description: "PKCE" });
      const now = Math.floor(Date.now() / 1000);
      const idToken = signJwt(privateKey, kid, {
        iss: issuer,
        sub: grant.subject,
        aud: clientId,
        iat: now,
        exp: now + 300,
        nonce: grant.nonce,
        ...(grant.email !== undefined ? { email: grant.email, email_verified: grant.emailVerified ?? false } : {}),
        ...(grant.amr ? { amr: grant.amr } : {}),
      });
      return json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken });
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    tokenRequests,
    issueCode(grant) {
      const code = randomBytes(16).toString("base64url");
      grants.set(code, grant);
      return code;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
