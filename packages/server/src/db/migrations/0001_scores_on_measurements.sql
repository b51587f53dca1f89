-- Scores move from one row per domain (measurement_scores) onto the measurement itself: an array
-- in the domain order of the measurement's own instrument version, plus the figures reports
-- aggregate (problem-domain count, exact weighted SR as numerator/denominator, SR level).
-- Existing rows are converted in place; nothing is dropped before it has been copied.
ALTER TABLE "measurements" ADD COLUMN "scores" smallint[];--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "justifications" text[];--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "problem_count" smallint;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "sr_num" integer;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "sr_den" integer;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "sr_level" smallint;--> statement-breakpoint
UPDATE "measurements" m
   SET "scores" = x.scores, "justifications" = x.justifications
  FROM (
    SELECT m2.organisation_id, m2.id,
           array_agg(s.score ORDER BY d.ord) AS scores,
           array_agg(s.justification ORDER BY d.ord) AS justifications
      FROM "measurements" m2
      JOIN "instruments" i
        ON i.organisation_id = m2.organisation_id AND i.key = m2.instrument_key AND i.version = m2.instrument_version
     CROSS JOIN LATERAL jsonb_array_elements(i.definition -> 'domains') WITH ORDINALITY AS d(domain, ord)
      LEFT JOIN "measurement_scores" s
        ON s.organisation_id = m2.organisation_id AND s.measurement_id = m2.id AND s.domain_key = d.domain ->> 'key'
     GROUP BY m2.organisation_id, m2.id
  ) x
 WHERE m.organisation_id = x.organisation_id AND m.id = x.id;--> statement-breakpoint
-- The same formulas as packages/domain (scoreColumns.ts storedFigures), in integers:
-- SR = Σ s·(6−s) / Σ (6−s); level = ⌊(2·num + den) / (2·den)⌋ (half-up).
UPDATE "measurements" m
   SET "problem_count" = coalesce((SELECT count(*) FROM unnest(m.scores) AS s(v)
                                    WHERE v <= (i.definition ->> 'problemThreshold')::int), 0),
       "sr_num" = CASE WHEN (i.definition ->> 'weightedSelfReliance')::boolean
                       THEN (SELECT sum(v * (6 - v)) FROM unnest(m.scores) AS s(v)) END,
       "sr_den" = CASE WHEN (i.definition ->> 'weightedSelfReliance')::boolean
                       THEN (SELECT sum(6 - v) FROM unnest(m.scores) AS s(v)) END
  FROM "instruments" i
 WHERE i.organisation_id = m.organisation_id AND i.key = m.instrument_key AND i.version = m.instrument_version;--> statement-breakpoint
UPDATE "measurements" SET "sr_level" = (2 * "sr_num" + "sr_den") / (2 * "sr_den") WHERE "sr_den" > 0;--> statement-breakpoint
ALTER TABLE "measurements" ALTER COLUMN "scores" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ALTER COLUMN "justifications" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ALTER COLUMN "problem_count" SET NOT NULL;--> statement-breakpoint
DROP TABLE "measurement_scores" CASCADE;
