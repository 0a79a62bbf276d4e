/**
 * How values print, the way API Gateway's Java runtime prints them (AWS-recorded, see vtl.md §3):
 * - null / undefined print nothing (quiet references);
 * - maps print like Java's `Map.toString`: `{foo=bar, n=2}`;
 * - lists that came from the message (`$input.path`, `$util.parseJson`) print as JSON (they are json-smart
 *   `JSONArray`s whose `toString` is JSON), also when nested in a map: `{foo=[{"nested":"bar"}]}`;
 * - lists built in the template (`[1, "a"]`) are Java `ArrayList`s: `[1, a]`.
 * JSON-origin containers are remembered in a WeakSet, so they keep printing as JSON after `#set`.
 */

const jsonOrigin = new WeakSet<object>()

/** Marks every array/object in a parsed JSON value as coming from JSON. Returns the value. */
export function markJson<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !jsonOrigin.has(value)) {
    jsonOrigin.add(value)
    if (Array.isArray(value)) for (const v of value) markJson(v)
    else for (const k in value) markJson((value as Record<string, unknown>)[k])
  }
  return value
}

export function isJsonOrigin(value: unknown): boolean {
  return value !== null && typeof value === 'object' && jsonOrigin.has(value)
}

/** Parses JSON and marks the result; throws SyntaxError like JSON.parse. */
export function parseJsonMarked(text: string): unknown {
  return markJson(JSON.parse(text))
}

function hasOwnToString(v: object): boolean {
  return typeof (v as { toString?: unknown }).toString === 'function' && v.toString !== Object.prototype.toString && !Array.isArray(v)
}

function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'function' ? undefined : x)) ?? 'null'
}

/** Java `String.valueOf(x)` for an element inside a collection: null prints `null` there. */
function element(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  return printValue(v)
}

function printNumber(n: number): string {
  if (Number.isNaN(n)) return ''
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity'
  return String(n)
}

/** The text a `$reference` renders to. */
export function printValue(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return ''
    case 'string':
      return v
    case 'number':
      return printNumber(v)
    case 'boolean':
    case 'bigint':
      return String(v)
    case 'function':
      // A member referenced without calling it (`$input.json`, `$util.urlEncode`) prints `{}` (AWS-recorded).
      return '{}'
    case 'symbol':
      return ''
  }
  if (v === null) return ''
  const o = v as object
  if (jsonOrigin.has(o) && Array.isArray(o)) return jsonText(o)
  if (Array.isArray(o)) return `[${o.map(element).join(', ')}]`
  if (hasOwnToString(o)) return String(o)
  const entries = Object.entries(o as Record<string, unknown>).filter(([, x]) => typeof x !== 'function')
  return `{${entries.map(([k, x]) => `${k}=${element(x)}`).join(', ')}}`
}

/** Velocity 1.7 truthiness: only null and `false` are false (an empty string or 0 is true). */
export function isTruthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false
}
