#!/usr/bin/env node
// The `ploegwerk` command. The server runs from its TypeScript sources through tsx, so there is
// no build step between a checkout and a working CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
