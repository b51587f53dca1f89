/*
 * The catalogue search as it lives in the page's URL (so a search can be shared and the pages of
 * results are links): /wat-werkt?q=schulden&domain=inkomen&maxCost=500&page=2. The cost is typed in
 * euros and sent in cents.
 */
export const SEARCH_FIELDS = ["q", "domain", "targetGroup", "minEvidence", "recognition", "maxCost", "costUnit", "active"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchValues = Record<SearchField, string>;

export const PAGE_SIZE = 20;

export function valuesFrom(params: URLSearchParams): SearchValues {
  const out = {} as SearchValues;
  for (const f of SEARCH_FIELDS) out[f] = params.get(f) ?? "";
  return out;
}

/** "6500", "6500,50" or "6500.50" → cents; null when it is not an amount. */
export function centsOf(euros: string): number | null {
  const m = /^\s*(\d{1,8})(?:[.,](\d{1,2}))?\s*$/.exec(euros);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0") || "0");
}

/** The API query for the URL's search. */
export function apiQuery(params: URLSearchParams): Record<string, string | number | undefined> {
  const v = valuesFrom(params);
  const page = Number(params.get("page") ?? "1");
  const cents = v.maxCost ? centsOf(v.maxCost) : null;
  return {
    q: v.q || undefined,
    domain: v.domain || undefined,
    targetGroup: v.targetGroup || undefined,
    minEvidence: v.minEvidence || undefined,
    recognition: v.recognition || undefined,
    maxCostCents: cents ?? undefined,
    costUnit: v.costUnit || undefined,
    active: v.active || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function paramsOf(values: SearchValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of SEARCH_FIELDS) if (values[f].trim()) params.set(f, values[f].trim());
  if (page > 1) params.set("page", String(page));
  return params;
}
