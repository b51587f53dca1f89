import { z } from "zod";

export const Id = z.uuid({ message: "must be an id (UUID)" });
export const IsoDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });
export const Version = z.number().int().min(1);

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  reason: z.string().optional(),
  invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});
