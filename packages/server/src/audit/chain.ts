/**
 * The audit hash chain. Every organisation's audit rows form one chain: row n carries seq = n and
 * hash = SHA-256(canonical(row n) including the hash of row n-1). Changing, removing or inserting
 * a row afterwards breaks the chain from that row on, which `ploegwerk audit verify` finds.
 *
 * The chain is extended inside the transaction of the change: the organisation's head row is
 * taken FOR UPDATE, so concurrent writers queue and every row gets the next seq exactly once.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditChainHeads, auditEvents } from "../db/schema.ts";

/** The "previous hash" of an organisation's first row. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the canonical form, hashed along so the form can change later without ambiguity. */
const CANONICAL_VERSION = 1;

/** What a row says, before it has a place in the chain. */
export interface AuditContent {
  organisationId: string;
  occurredAt: Date;
  kind: string;
  actorUserId: string | null;
  actorLabel: string;
  actorRole: string | null;
  actorPartnerOrganisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  familyId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
}

export interface ChainLink {
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every level, so the same value always gives the same text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : stableJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

/**
 * Details exactly as jsonb hands them back: what JSON.stringify drops or turns into strings
 * (undefined, Dates, NaN) is dropped or turned the same way before hashing and storing.
 */
export function normaliseDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return details ? (JSON.parse(JSON.stringify(details)) as Record<string, unknown>) : {};
}

/** The text that is hashed: the row's content, its place and the previous hash. */
export function canonical(content: AuditContent, seq: number, prevHash: string): string {
  return stableJson({
    v: CANONICAL_VERSION,
    seq,
    prev: prevHash,
    organisationId: content.organisationId,
    // Set in JS with millisecond precision, so the stored timestamptz gives back exactly this.
    occurredAt: content.occurredAt.toISOString(),
    kind: content.kind,
    actorUserId: content.actorUserId,
    actorLabel: content.actorLabel,
    actorRole: content.actorRole,
    actorPartnerOrganisationId: content.actorPartnerOrganisationId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    familyId: content.familyId,
    purpose: content.purpose,
    details: content.details,
  });
}

export function chainHash(content: AuditContent, seq: number, prevHash: string): string {
  return createHash("sha256").update(canonical(content, seq, prevHash)).digest("hex");
}

/**
 * Takes the organisation's chain head FOR UPDATE (creating it at genesis the first time); the
 * lock holds until the caller's transaction ends. Must run inside a transaction.
 */
export async function lockChainHead(tx: Db, organisationId: string): Promise<ChainLink> {
  const select = () =>
    tx.select({ seq: auditChainHeads.seq, hash: auditChainHeads.hash }).from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId)).for("update");
  let [head] = await select();
  if (!head) {
    // Two first writers may race here: one inserts, the other's insert waits and then does nothing.
    await tx.insert(auditChainHeads).values({ organisationId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
    [head] = await select();
  }
  if (!head) throw new Error(`audit chain head of organisation ${organisationId} could not be taken`);
  return { seq: Number(head.seq), hash: head.hash };
}

/** Links each content to the one before it, starting after `head`; returns the links in order. */
export function link(head: ChainLink, contents: readonly AuditContent[]): ChainLink[] {
  let { seq, hash } = head;
  return contents.map((c) => {
    seq += 1;
    hash = chainHash(c, seq, hash);
    return { seq, hash };
  });
}

export async function setChainHead(tx: Db, organisationId: string, head: ChainLink): Promise<void> {
  await tx.update(auditChainHeads).set({ seq: head.seq, hash: head.hash }).where(eq(auditChainHeads.organisationId, organisationId));
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters at 15 columns a row. */
const INSERT_CHUNK = 2000;

/**
 * Appends rows of one organisation to its chain: head locked, hashes computed here in one pass,
 * rows inserted, head moved. The time is taken after the lock, so it never goes back along the chain.
 */
export async function appendToChain(tx: Db, organisationId: string, contents: readonly Omit<AuditContent, "occurredAt">[]): Promise<void> {
  if (contents.length === 0) return;
  const head = await lockChainHead(tx, organisationId);
  const occurredAt = new Date();
  const rows = contents.map((c) => ({ ...c, occurredAt }));
  const links = link(head, rows);
  const values = rows.map((r, i) => ({ ...r, seq: links[i]?.seq ?? null, hash: links[i]?.hash ?? null }));
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insert(auditEvents).values(values.slice(i, i + INSERT_CHUNK));
  const last = links[links.length - 1];
  if (last) await setChainHead(tx, organisationId, last);
}
