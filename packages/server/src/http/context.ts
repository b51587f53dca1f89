import { DomainError, type Me } from "@ploegwerk/domain";
import type { FastifyRequest } from "fastify";
import type { Actor } from "../authz/actor.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    me: Me | null;
  }
}

/** Every API call has an actor; without a valid session the answer is 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) {
    throw new DomainError("unauthenticated", { nl: "U bent niet (meer) ingelogd. Log opnieuw in.", en: "You are not logged in (any more). Please log in again." });
  }
  return req.actor;
}
