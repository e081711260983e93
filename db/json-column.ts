// A json value read in a select (json_agg, json_build_object): postgres.js and PGlite both
// parse it; a driver that hands back the text is parsed here, so callers see one shape.
export function parsedJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
