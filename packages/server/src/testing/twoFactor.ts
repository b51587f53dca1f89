import { TotpEnrolment } from "@ploegwerk/domain";
import { base32Decode, totpCode } from "../features/auth/totp.ts";
import { bodyOf } from "./api.ts";
import type { Client } from "./http.ts";

/** The code an authenticator app with this (base32) secret shows at `at`. */
export function codeAt(secret: string, at: Date = new Date()): string {
  return totpCode(base32Decode(secret), at);
}

/** Sets up two-factor on the account page and confirms it; answers the secret the "app" holds. */
export async function enableTwoFactor(client: Client, at: Date = new Date()): Promise<string> {
  const { secret } = bodyOf(await client.post("/api/v1/account/two-factor"), 201, TotpEnrolment);
  const res = await client.put("/api/v1/account/two-factor", { code: codeAt(secret, at) });
  if (res.statusCode !== 200) throw new Error(`two-factor set-up failed: ${res.statusCode} ${res.body}`);
  return secret;
}

/** A six-digit code the app does not show around `at` (for "wrong code" checks that must not pass by luck). */
export function notTheCode(secret: string, at: Date = new Date()): string {
  const window = new Set([-30_000, 0, 30_000].map((d) => codeAt(secret, new Date(at.getTime() + d))));
  return ["123456", "234567", "345678", "456789"].find((c) => !window.has(c)) ?? "567890";
}
