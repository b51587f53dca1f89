import type { InstrumentDefinition } from "../definition.ts";
import { InstrumentDefinition as Schema } from "../definition.ts";
import ploeg9 from "./ploeg-9.json" with { type: "json" };
import growcare8 from "./growcare-8.json" with { type: "json" };
import zrm13 from "./zrm-13.json" with { type: "json" };
import positieveGezondheid6 from "./positieve-gezondheid-6.json" with { type: "json" };
import participatieladder from "./participatieladder.json" with { type: "json" };

/** The instruments every organisation starts with; parsed here so a broken file fails at load. */
export const BUILTIN_INSTRUMENTS: readonly InstrumentDefinition[] = [
  ploeg9,
  growcare8,
  zrm13,
  positieveGezondheid6,
  participatieladder,
].map((raw) => Schema.parse(raw));

export const DEFAULT_INSTRUMENT_KEY = "ploeg-9";
