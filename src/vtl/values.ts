/**
 * The Java value model templates see, and how values print (API Gateway runs Velocity 1.7 on the JVM):
 * - integers are Integer/Long/BigInteger: a JS number while exact (|n| ≤ 2^53), a bigint beyond, so an id above
 *   2^53 keeps every digit; doubles are `JDouble`, so `1.0` stays a Double and prints `1.0` (Java's
 *   `Double.toString`: `100.0`, `1000.0`, `1.5E-7`);
 * - maps are JS `Map`s: insertion order like Java's `LinkedHashMap` (Velocity 1.7 `ASTMap` builds one; json-smart's
 *   `DefaultMapperOrdered`, which Jayway JsonPath uses, does too) and no prototype to leak `constructor` or
 *   `__proto__`;
 * - null / undefined print nothing (quiet references, AWS-recorded);
 * - maps print like `AbstractMap.toString`: `{foo=bar, n=2}`; lists that came from the message (`$input.path`,
 *   `$util.parseJson`) are json-smart `JSONArray`s whose `toString` is JSON, also nested in a map (AWS-recorded:
 *   `{foo=[{"nested":"bar"}]}`); lists built in the template are `ArrayList`s: `[1, a]`.
 */

/** java.lang.Double. */
export class JDouble {
  constructor(readonly value: number) {}
}

/** java.lang.Class, from `getClass()` / `.class`. */
export class JClass {
  constructor(readonly name: string) {}
  get simpleName(): string {
    return this.name.slice(this.name.lastIndexOf('.') + 1)
  }
}

/** A `Map.Entry` from `entrySet()`. */
export class JEntry {
  constructor(
    readonly key: string,
    readonly value: unknown,
  ) {}
}

export type JMap = Map<string, unknown>

const jsonOrigin = new WeakSet<object>()

/** Marks every array/map in a parsed JSON value as coming from JSON (iteratively: payloads nest deeply). */
export function markJson<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object' || jsonOrigin.has(v)) continue
    if (Array.isArray(v)) {
      jsonOrigin.add(v)
      for (const x of v) stack.push(x)
    } else if (v instanceof Map) {
      jsonOrigin.add(v)
      for (const x of v.values()) stack.push(x)
    }
  }
  return value
}

export function isJsonOrigin(value: unknown): boolean {
  return value !== null && typeof value === 'object' && jsonOrigin.has(value)
}

export const isJavaNumber = (v: unknown): v is number | bigint | JDouble => typeof v === 'number' || typeof v === 'bigint' || v instanceof JDouble

/** A Java number as a JS double (for comparisons and double arithmetic). */
export function toDouble(v: number | bigint | JDouble): number {
  return v instanceof JDouble ? v.value : Number(v)
}

/** An exact integer: a number when safe, a bigint beyond 2^53. */
export function normInt(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v
}

/**
 * Java's `Double.toString`: plain decimal with at least one fraction digit for 10^-3 ≤ |d| < 10^7, otherwise
 * computerised scientific notation `1.5E-7`. The digits are the shortest that round-trip (JDK 19+; older JDKs
 * occasionally print one more digit).
 */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN'
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity'
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0'
  const a = Math.abs(d)
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d)
    return s.includes('.') ? s : `${s}.0`
  }
  const [mantissa, exp] = d.toExponential().split('e')
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exp.startsWith('+') ? exp.slice(1) : exp}`
}

/** Punctuation queued between values while writing JSON. */
class Punct {
  constructor(readonly s: string) {}
}
const sep = (s: string) => new Punct(s)

/** JSON text the way json-smart writes it (`$input.json`, JSON-origin lists). Iterative: payloads nest deeply. */
export function jsonText(root: unknown): string {
  let out = ''
  const stack: unknown[] = [root]
  while (stack.length) {
    const v = stack.pop()
    if (v instanceof Punct) {
      out += v.s
      continue
    }
    if (v === undefined || v === null) out += 'null'
    else if (typeof v === 'string') out += JSON.stringify(v)
    else if (typeof v === 'number') out += Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : javaDouble(v)) : 'null'
    else if (typeof v === 'bigint') out += String(v)
    else if (typeof v === 'boolean') out += String(v)
    else if (v instanceof JDouble) out += Number.isFinite(v.value) ? javaDouble(v.value) : 'null'
    else if (Array.isArray(v)) {
      out += '['
      stack.push(sep(']'))
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i])
        if (i > 0) stack.push(sep(','))
      }
    } else if (v instanceof Map) {
      out += '{'
      stack.push(sep('}'))
      const entries = [...v.entries()]
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push(entries[i][1])
        stack.push(sep(`${JSON.stringify(entries[i][0])}:`))
        if (i > 0) stack.push(sep(','))
      }
    } else out += JSON.stringify(printValue(v))
  }
  return out
}

/** Java `String.valueOf(x)` for an element inside a collection: null prints `null` there. */
function element(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  return printValue(v)
}

/** The text a `$reference` renders to (Java `toString()`, null as nothing). */
export function printValue(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return ''
    case 'string':
      return v
    case 'number':
      return Number.isInteger(v) ? String(v) : javaDouble(v)
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
  if (v instanceof JDouble) return javaDouble(v.value)
  if (v instanceof JClass) return `class ${v.name}`
  if (v instanceof JEntry) return `${v.key}=${element(v.value)}`
  if (Array.isArray(v)) return jsonOrigin.has(v) ? jsonText(v) : `[${v.map(element).join(', ')}]`
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${k}=${element(x)}`).join(', ')}}`
  const own = (v as { toString?: unknown }).toString
  if (typeof own === 'function' && own !== Object.prototype.toString) return String((own as () => unknown).call(v))
  return '{}'
}

/** Velocity 1.7 truthiness: only null and `false` are false (an empty string or 0 is true). */
export function isTruthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false
}

/** The Java class name of a value, for `getClass()` / `.class`. */
export function javaClassOf(v: unknown): string {
  if (typeof v === 'string') return 'java.lang.String'
  if (typeof v === 'boolean') return 'java.lang.Boolean'
  if (typeof v === 'number') return !Number.isInteger(v) ? 'java.lang.Double' : Math.abs(v) <= 2147483647 ? 'java.lang.Integer' : 'java.lang.Long'
  if (typeof v === 'bigint') return v >= -(2n ** 63n) && v < 2n ** 63n ? 'java.lang.Long' : 'java.math.BigInteger'
  if (v instanceof JDouble) return 'java.lang.Double'
  if (Array.isArray(v)) return jsonOrigin.has(v) ? 'net.minidev.json.JSONArray' : 'java.util.ArrayList'
  if (v instanceof Map) return 'java.util.LinkedHashMap'
  if (v instanceof JClass) return 'java.lang.Class'
  if (v instanceof JEntry) return 'java.util.LinkedHashMap$Entry'
  return 'java.lang.Object'
}
