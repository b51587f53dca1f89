import { DomainError, ERROR_CODES, type ErrorCode, type InvalidParam } from "@ploegwerk/domain";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const TITLES: Record<ErrorCode, { nl: string; en: string }> = {
  invalid: { nl: "Ongeldige invoer", en: "Invalid input" },
  unauthenticated: { nl: "Niet ingelogd", en: "Not logged in" },
  forbidden: { nl: "Geen toegang", en: "Forbidden" },
  not_found: { nl: "Niet gevonden", en: "Not found" },
  conflict: { nl: "Conflict", en: "Conflict" },
  payload_too_large: { nl: "Te groot", en: "Payload too large" },
  unsupported_media_type: { nl: "Verkeerd formaat", en: "Unsupported media type" },
  rate_limited: { nl: "Te veel verzoeken", en: "Too many requests" },
  internal: { nl: "Interne fout", en: "Internal error" },
};

export function prefersEnglish(req: FastifyRequest): boolean {
  const header = req.headers["accept-language"] ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en");
}

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, detail: { nl: string; en: string }, extra: { reason?: string | undefined; invalidParams?: InvalidParam[] }) {
  const en = prefersEnglish(req);
  const status = ERROR_CODES[code];
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: `https://ploegwerk.nl/problems/${extra.reason ?? code}`,
      title: en ? TITLES[code]?.en : TITLES[code]?.nl,
      status,
      detail: en ? detail.en : detail.nl,
      code,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.invalidParams && extra.invalidParams.length > 0 ? { invalidParams: extra.invalidParams } : {}),
    });
}

/** The one place that turns errors into HTTP answers; unknown errors are logged, never shown. */
export function errorHandler(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return send(reply, req, error.code, error.text, { reason: error.reason, invalidParams: error.invalidParams });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const invalidParams = error.validation.map((v) => ({
      name: [error.validationContext, ...v.instancePath.split("/").filter(Boolean)].filter(Boolean).join(".").replace(/^body\./, ""),
      reason: v.message ?? "invalid",
    }));
    return send(reply, req, "invalid", { nl: "De invoer klopt niet; zie invalidParams.", en: "The input is not valid; see invalidParams." }, { invalidParams });
  }
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode === 429) {
    return send(reply, req, "rate_limited", { nl: "Te veel verzoeken; probeer het over een minuut opnieuw.", en: "Too many requests; try again in a minute." }, {});
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, wrong content type, body too large: the client's fault, say what it was.
    const code: ErrorCode =
      fe.statusCode === 404 ? "not_found" : fe.statusCode === 413 ? "payload_too_large" : fe.statusCode === 415 ? "unsupported_media_type" : "invalid";
    return send(reply, req, code, { nl: `Het verzoek is niet goed opgebouwd: ${fe.message}`, en: `The request is malformed: ${fe.message}` }, {});
  }
  req.log.error({ err: error }, "unhandled error");
  return send(reply, req, "internal", { nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.", en: "Something went wrong on our side. Please try again later." }, {});
}
