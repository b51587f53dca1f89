/**
 * The one PostgreSQL schema for PGlite and PostgreSQL, by area. Every table carries
 * organisation_id (the tenant) as the first column of its primary key and of every foreign key,
 * so tenants stay apart in every query and a distributed PostgreSQL can shard by organisation
 * (schema.test.ts proves it).
 */
export * from "./schema/foundation.ts";
export * from "./schema/trajectory.ts";
export * from "./schema/privacy.ts";
export * from "./schema/learning.ts";
