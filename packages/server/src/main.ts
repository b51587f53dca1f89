import { loadConfig } from "./config.ts";
import { serve } from "./serve.ts";

serve(loadConfig()).catch((err: unknown) => {
  process.stderr.write(`Ploegwerk could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
