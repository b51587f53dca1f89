import { z } from "zod";
import { PURPOSE_MAX_LENGTH } from "../contracts/audit.ts";
import { IsoDate } from "../contracts/common.ts";

/**
 * What a research export asks for: one instrument, a period of measuring dates (both days
 * included) and how dates are treated. `month` reduces every date to its month; `shift` moves all
 * dates of one family by the same secret number of days (see pseudonyms.ts), so intervals within
 * a family stay true.
 */
export const RESEARCH_DATE_MODES = ["month", "shift"] as const;
export const ResearchDateMode = z.enum(RESEARCH_DATE_MODES);
export type ResearchDateMode = z.infer<typeof ResearchDateMode>;

const InstrumentKey = z.string().regex(/^[a-z][a-z0-9_-]{1,62}$/, "an instrument key such as ploeg-9");

const fields = {
  instrument: InstrumentKey,
  from: IsoDate,
  to: IsoDate,
  dates: ResearchDateMode.default("month"),
};

const periodInOrder = (q: { from: string; to: string }) => q.from <= q.to;
const periodIssue = { message: "the end of the period lies before its start: 'to' must be on or after 'from'", path: ["to"] };

/** The filters, as the CLI and the codebook name them. */
export const ResearchExportFilter = z.object(fields).refine(periodInOrder, periodIssue);
export type ResearchExportFilter = z.infer<typeof ResearchExportFilter>;

/** Over HTTP the researcher also says why (AVG art. 89: a research purpose); it is stored with the audit row. */
export const ResearchExportQuery = z
  .object({
    ...fields,
    purpose: z
      .string()
      .trim()
      .min(1, "say what the data are for (the research purpose); it is logged")
      .max(PURPOSE_MAX_LENGTH, `at most ${PURPOSE_MAX_LENGTH} characters`)
      .regex(/^[^\u0000-\u001f\u007f]*$/, "no control characters"),
  })
  .refine(periodInOrder, periodIssue);
export type ResearchExportQuery = z.infer<typeof ResearchExportQuery>;
export type ResearchExportQueryInput = z.input<typeof ResearchExportQuery>;
