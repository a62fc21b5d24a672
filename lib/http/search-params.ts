/** What Next gives a page as searchParams: a repeated key (?a=1&a=2) arrives as an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search param: the one rule for repeated keys. */
export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Every param reduced to its first value, ready for a zod schema. */
export function firstParams(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstParam(v)]));
}
