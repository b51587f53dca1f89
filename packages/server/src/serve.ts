import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { seedDemo, DEMO_PASSWORD } from "./features/demo/demo.seed.ts";
import { countOrganisations } from "./features/organisations/organisations.service.ts";
import { oidcSettings, serverSecretKey } from "./features/auth/serverSecrets.ts";
import { log, openRuntime } from "./runtime.ts";

/** Starts the web app and API; on a new embedded database it first creates the demo organisation. */
export async function serve(config: Config): Promise<void> {
  // Before the database opens: a PostgreSQL installation without a key stops here, with the reason.
  const secretKey = serverSecretKey(config);
  const { database } = await openRuntime(config);
  const embedded = database.kind === "pglite";
  if (embedded && config.PLOEGWERK_DEMO === "true" && (await countOrganisations(database.db)) === 0) {
    log("Nieuwe database: demo-organisatie wordt aangemaakt (fictieve gegevens) / new database: creating the fictional demo organisation …");
    const logins = await seedDemo(database.db);
    log("\nDemo log-ins (wachtwoord / password: " + DEMO_PASSWORD + "):");
    for (const l of logins) log(`  ${l.role.padEnd(14)} ${l.email}`);
    log("");
  }
  const app = await buildApp({ db: database.db, config, allowSetup: !embedded || config.PLOEGWERK_DEMO === "false", secretKey, oidc: oidcSettings(config) });
  const shutdown = async (signal: string) => {
    log(`${signal}: stopping …`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.PORT, host: config.HOST });
  log(`Ploegwerk draait op / runs at http://localhost:${config.PORT} (database: ${database.kind}, ${database.location})`);
  if (embedded && (await countOrganisations(database.db)) > 0) log(`Demo log-ins: coach1@demo.ploegwerk.nl, teamleider@demo.ploegwerk.nl, beheerder@demo.ploegwerk.nl — wachtwoord ${DEMO_PASSWORD}`);
}
