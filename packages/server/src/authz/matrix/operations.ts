/**
 * The operations the matrix must cover: those of the live OpenAPI document, and a cross-check
 * against the app's own route table so that a route hidden from the document cannot slip past.
 */
import { z } from "zod";
import type { App } from "../../app.ts";

const OpenApi = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });
const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation the app documents, as "METHOD /path/{param}". */
export async function documentedOperations(app: App): Promise<string[]> {
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${res.statusCode}`);
  const doc = OpenApi.parse(res.json());
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.has(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/**
 * Every /api route the app answers, as "METHOD /path/{param}" (HEAD left out: Fastify adds it to
 * each GET), read from Fastify's printed route tree.
 */
export function routeTable(app: App): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    stack.length = depth;
    const path = (depth > 0 ? (stack[depth - 1] ?? "") : "") + (m[2] ?? "");
    stack[depth] = path;
    if (!path.startsWith("/api/")) continue;
    const documented = path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    for (const method of (m[3] ?? "").split(", ").filter((x) => x && x !== "HEAD")) out.push(`${method} ${documented}`);
  }
  return out;
}

/** Routes deliberately left out of the document: the document itself, public. */
export const UNDOCUMENTED_ROUTES: readonly string[] = ["GET /api/openapi.json", "GET /api/v1/openapi.json"];
