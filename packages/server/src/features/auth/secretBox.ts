import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Encrypts small secrets at rest (TOTP seeds, the OpenID Connect state cookie) with AES-256-GCM
 * under the server's key. The additional data binds a ciphertext to where it belongs (one
 * organisation's user), so a secret copied to another row does not decrypt.
 */
export interface SecretBox {
  seal(plain: Uint8Array, context: string): string;
  /** The plain bytes, or null when the text was tampered with, sealed for another context or under another key. */
  open(sealed: string, context: string): Buffer | null;
}

const VERSION = "v1";

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("the secret key must be 32 bytes");
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    open(sealed, context) {
      const [version, payload] = sealed.split(".");
      if (version !== VERSION || !payload) return null;
      const raw = Buffer.from(payload, "base64url");
      if (raw.length < 28) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}
