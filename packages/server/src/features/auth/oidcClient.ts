import * as client from "openid-client";
import type { SecretBox } from "./secretBox.ts";

/**
 * Log-in through an organisation's own identity provider: OpenID Connect authorization code flow
 * with PKCE (S256), state and nonce, for one configured organisation. Off unless configured.
 */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Slug of the organisation whose users log in this way. */
  organisationSlug: string;
  /** The callback URL registered at the provider: https://<host>/api/v1/session/oidc/callback. */
  redirectUri: string;
  /** The provider's name on the log-in button. */
  label: string;
}

export interface OidcClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** The provider says it used more than one factor (amr contains "mfa", RFC 8176). */
  multiFactor: boolean;
}

/** Why a callback is refused; the user is sent back to the log-in page either way. */
export class OidcFailure extends Error {
  constructor(readonly reason: "state" | "provider" | "token") {
    super(`OpenID Connect log-in failed: ${reason}`);
  }
}

/** The flow's own checks travel in a sealed cookie; ten minutes to log in at the provider. */
const FLOW_MINUTES = 10;
const FLOW_CONTEXT = "oidc-flow";

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  startedAt: number;
}

export interface OidcLogin {
  readonly settings: OidcSettings;
  /** The provider's authorization URL and the sealed value of the flow cookie. */
  begin(now: Date): Promise<{ url: string; flowCookie: string }>;
  /** Checks state, exchanges the code with the PKCE verifier and validates the ID token (signature, issuer, audience, expiry, nonce). */
  finish(callbackQuery: URLSearchParams, flowCookie: string | undefined, now: Date): Promise<OidcClaims>;
}

const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

export function createOidcLogin(settings: OidcSettings, secrets: SecretBox): OidcLogin {
  let configuration: Promise<client.Configuration> | undefined;
  function discover(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a provider on this machine (tests, a local provider); config.ts refuses it elsewhere.
        ...(settings.issuer.protocol === "http:" && isLoopback(settings.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .then((c) => {
        // Check the ID token's signature against the provider's JWKS too, not only TLS.
        client.enableNonRepudiationChecks(c);
        return c;
      })
      .catch((err: unknown) => {
        // Try the discovery again on the next log-in rather than keeping a failure forever.
        configuration = undefined;
        throw err;
      });
    return configuration;
  }

  return {
    settings,
    async begin(now) {
      const config = await discover().catch(() => {
        throw new OidcFailure("provider");
      });
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), startedAt: now.getTime() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: "openid email profile",
        response_type: "code",
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flowCookie: secrets.seal(Buffer.from(JSON.stringify(flow)), FLOW_CONTEXT) };
    },
    async finish(query, flowCookie, now) {
      const opened = flowCookie ? secrets.open(flowCookie, FLOW_CONTEXT) : null;
      if (!opened) throw new OidcFailure("state");
      const flow = JSON.parse(opened.toString("utf8")) as Flow;
      if (now.getTime() - flow.startedAt > FLOW_MINUTES * 60_000 || query.get("state") !== flow.state) throw new OidcFailure("state");
      if (query.has("error")) throw new OidcFailure("provider");
      const config = await discover().catch(() => {
        throw new OidcFailure("provider");
      });
      // The URL the provider redirected to, rebuilt from the registered one: behind a proxy the request's own host may differ.
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = query.toString();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      } catch {
        throw new OidcFailure("token");
      }
      const claims = tokens.claims();
      if (!claims) throw new OidcFailure("token");
      const amr = Array.isArray(claims.amr) ? claims.amr : [];
      return {
        subject: claims.sub,
        email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
        emailVerified: claims.email_verified === true,
        multiFactor: amr.includes("mfa"),
      };
    },
  };
}
