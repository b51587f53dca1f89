/**
 * "No response ever contains data outside scope": the identifying strings of every world a role
 * may not see, looked for in every answer (2xx and errors alike). Strings the request itself sent
 * are left out: echoing what the caller typed reveals nothing.
 */
import { visibleTargets, type MatrixRole } from "./policies.ts";
import { secretsOf, TARGETS, type World, type Target } from "./world.ts";

export interface LeakContext {
  role: MatrixRole | "anonymous";
  worlds: Readonly<Record<Target, World>>;
  /** The organisation's own families may be named (ids, case numbers) in this answer. */
  organisationIds: boolean;
  /** The request, whose own strings are not counted. */
  sent: string;
}

/** The worlds' strings found in a response body where the role may not see them, e.g. ["other team: Qxabc…"]. */
export function leaksIn(body: string, ctx: LeakContext): string[] {
  const visible = ctx.role === "anonymous" ? new Set<Target>() : visibleTargets(ctx.role);
  const haystack = body.toLowerCase();
  const sent = ctx.sent.toLowerCase();
  const found: string[] = [];
  for (const target of TARGETS) {
    if (visible.has(target)) continue;
    const w = ctx.worlds[target];
    const { ids, personal } = secretsOf(w);
    const ownOrganisation = w.organisationId === ctx.worlds.own.organisationId;
    const forbidden = ctx.organisationIds && ownOrganisation ? personal : [...ids, ...personal];
    for (const s of forbidden) {
      const needle = s.toLowerCase();
      if (!sent.includes(needle) && haystack.includes(needle)) found.push(`${target}: ${s}`);
    }
  }
  return found;
}
