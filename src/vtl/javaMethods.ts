/**
 * Java method semantics on template values, as velocityjs custom method handlers. API Gateway runs
 * templates on the JVM, so `"x".replaceAll(re, r)` is a Java regex replace, `.length()` is a method,
 * `.matches()` must match the whole string, `$list.add(x)` returns `true`, `$map.put(k, v)` returns the
 * previous value, and so on. Out-of-range `substring` throws in Java, which fails the whole request.
 * Static methods resolve through an instance, as Velocity's default introspection allows (`$i.parseInt('41')`,
 * `$s.valueOf(8)`). Lookups go through own tables only: no JavaScript property of a value is ever reachable.
 */

import { javaRegex, javaReplacement } from './javaRegex'
import { isJavaNumber, javaClassOf, JClass, JDouble, JEntry, normInt, printValue, toDouble } from './values'

export class VtlRuntimeError extends Error {}

type Handler = (self: never, ...args: unknown[]) => unknown

const str = (v: unknown): string => (typeof v === 'string' ? v : printValue(v))
const int = (v: unknown, what: string): number => {
  const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN
  if (!Number.isInteger(n)) throw new VtlRuntimeError(`${what} needs an integer, got ${JSON.stringify(v)}`)
  return n
}
const bounds = (s: string, begin: number, end: number) => {
  if (begin < 0 || end > s.length || begin > end)
    throw new VtlRuntimeError(`String index out of range: begin ${begin}, end ${end}, length ${s.length}`)
}

/** Java `String.split`: regex separator, a zero-width match at 0 adds no leading "", trailing "" dropped (limit 0). */
function splitJava(s: string, regex: string, limit = 0): string[] {
  const re = javaRegex(regex, 'g')
  const parts: string[] = []
  let last = 0
  let matched = false
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === '') {
      re.lastIndex = m.index + 1
      if (m.index === 0) continue
      if (m.index >= s.length) break
    }
    if (limit > 0 && parts.length === limit - 1) break
    matched = true
    parts.push(s.slice(last, m.index))
    last = m.index + m[0].length
  }
  if (!matched) return [s]
  parts.push(s.slice(last))
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts
}

const STRING_METHODS: Record<string, Handler> = {
  length: (s: string) => s.length,
  isEmpty: (s: string) => s.length === 0,
  contains: (s: string, x) => s.includes(str(x)),
  equals: (s: string, x) => typeof x === 'string' && s === x,
  equalsIgnoreCase: (s: string, x) => typeof x === 'string' && s.toLowerCase() === x.toLowerCase(),
  matches: (s: string, re) => javaRegex(str(re), '', true).test(s),
  replaceAll: (s: string, re, rep) => s.replace(javaRegex(str(re), 'g'), javaReplacement(str(rep))),
  replaceFirst: (s: string, re, rep) => s.replace(javaRegex(str(re)), javaReplacement(str(rep))),
  // Java's replace(CharSequence, CharSequence) replaces every occurrence, literally.
  replace: (s: string, a, b) => s.split(str(a)).join(str(b)),
  split: (s: string, re, limit) => splitJava(s, str(re), limit === undefined ? 0 : int(limit, 'split limit')),
  substring: (s: string, b, e) => {
    const begin = int(b, 'substring')
    const end = e === undefined ? s.length : int(e, 'substring')
    bounds(s, begin, end)
    return s.slice(begin, end)
  },
  indexOf: (s: string, x, from) => s.indexOf(str(x), from === undefined ? 0 : int(from, 'indexOf')),
  lastIndexOf: (s: string, x) => s.lastIndexOf(str(x)),
  startsWith: (s: string, x) => s.startsWith(str(x)),
  endsWith: (s: string, x) => s.endsWith(str(x)),
  toUpperCase: (s: string) => s.toUpperCase(),
  toLowerCase: (s: string) => s.toLowerCase(),
  // Java trim() strips code points <= U+0020 only.
  trim: (s: string) => {
    let a = 0
    let b = s.length
    while (a < b && s.charCodeAt(a) <= 32) a++
    while (b > a && s.charCodeAt(b - 1) <= 32) b--
    return s.slice(a, b)
  },
  charAt: (s: string, i) => {
    const n = int(i, 'charAt')
    bounds(s, n, n + 1)
    return s[n]
  },
  concat: (s: string, x) => s + str(x),
  compareTo: (s: string, x) => {
    const o = str(x)
    for (let i = 0; i < Math.min(s.length, o.length); i++) if (s[i] !== o[i]) return s.charCodeAt(i) - o.charCodeAt(i)
    return s.length - o.length
  },
  toString: (s: string) => s,
  // Statics of java.lang.String, reachable through any string.
  valueOf: (_s: string, x: unknown) => (x === undefined || x === null ? 'null' : printValue(x)),
  join: (_s: string, sep, ...xs) => ((xs.length === 1 && Array.isArray(xs[0]) ? xs[0] : xs) as unknown[]).map((x: unknown) => (x === null || x === undefined ? 'null' : printValue(x))).join(str(sep)),
  codePointAt: (s: string, i) => {
    const n = int(i, 'codePointAt')
    bounds(s, n, n + 1)
    return s.codePointAt(n)
  },
  hashCode: (s: string) => {
    let h = 0
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
    return h
  },
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && b !== null && a !== undefined && b !== undefined && printValue(a) === printValue(b))

const LIST_METHODS: Record<string, Handler> = {
  isEmpty: (l: unknown[]) => l.length === 0,
  contains: (l: unknown[], x) => l.some((v) => same(v, x)),
  add: (l: unknown[], a, b) => {
    if (b === undefined) l.push(a)
    else {
      const at = int(a, 'add index')
      if (at < 0 || at > l.length) throw new VtlRuntimeError(`Index: ${at}, Size: ${l.length}`)
      l.splice(at, 0, b)
    }
    return b === undefined ? true : undefined
  },
  addAll: (l: unknown[], xs) => {
    if (Array.isArray(xs)) for (const x of xs) l.push(x)
    return true
  },
  get: (l: unknown[], i) => {
    const n = int(i, 'get')
    if (n < 0 || n >= l.length) throw new VtlRuntimeError(`Index ${n} out of bounds for length ${l.length}`)
    return l[n]
  },
  set: (l: unknown[], i, v) => {
    const n = int(i, 'set')
    if (n < 0 || n >= l.length) throw new VtlRuntimeError(`Index ${n} out of bounds for length ${l.length}`)
    const prev = l[n]
    l[n] = v
    return prev
  },
  remove: (l: unknown[], x) => {
    // remove(int) removes at an index; remove(Object) the first equal element.
    if (typeof x === 'number') {
      if (x < 0 || x >= l.length) throw new VtlRuntimeError(`Index ${x} out of bounds for length ${l.length}`)
      return l.splice(x, 1)[0]
    }
    const k = l.findIndex((v) => same(v, x))
    if (k >= 0) l.splice(k, 1)
    return k >= 0
  },
  clear: (l: unknown[]) => {
    l.length = 0
    return undefined
  },
  size: (l: unknown[]) => l.length,
  indexOf: (l: unknown[], x) => l.findIndex((v) => same(v, x)),
  lastIndexOf: (l: unknown[], x) => {
    for (let i = l.length - 1; i >= 0; i--) if (same(l[i], x)) return i
    return -1
  },
  subList: (l: unknown[], a, b) => {
    const from = int(a, 'subList')
    const to = int(b, 'subList')
    if (from < 0 || to > l.length || from > to) throw new VtlRuntimeError(`subList(${from}, ${to}) out of range for size ${l.length}`)
    return l.slice(from, to)
  },
  equals: (l: unknown[], x) => Array.isArray(x) && x.length === l.length && l.every((v, i) => same(v, x[i])),
  toString: (l: unknown[]) => printValue(l),
}

const MAP_METHODS: Record<string, Handler> = {
  isEmpty: (m: Map<string, unknown>) => m.size === 0,
  size: (m: Map<string, unknown>) => m.size,
  get: (m: Map<string, unknown>, k) => m.get(str(k)),
  getOrDefault: (m: Map<string, unknown>, k, d) => (m.has(str(k)) ? m.get(str(k)) : d),
  containsKey: (m: Map<string, unknown>, k) => m.has(str(k)),
  containsValue: (m: Map<string, unknown>, x) => [...m.values()].some((v) => same(v, x)),
  put: (m: Map<string, unknown>, k, v) => {
    const key = str(k)
    const prev = m.get(key)
    m.set(key, v)
    return prev
  },
  putAll: (m: Map<string, unknown>, o) => {
    if (o instanceof Map) for (const [k, v] of o) m.set(k, v)
    return undefined
  },
  remove: (m: Map<string, unknown>, k) => {
    const key = str(k)
    const prev = m.get(key)
    m.delete(key)
    return prev
  },
  clear: (m: Map<string, unknown>) => {
    m.clear()
    return undefined
  },
  keySet: (m: Map<string, unknown>) => [...m.keys()],
  values: (m: Map<string, unknown>) => [...m.values()],
  entrySet: (m: Map<string, unknown>) => [...m].map(([k, v]) => new JEntry(k, v)),
  equals: (m: Map<string, unknown>, x) => x instanceof Map && x.size === m.size && [...m].every(([k, v]) => x.has(k) && same(v, x.get(k))),
  toString: (m: Map<string, unknown>) => printValue(m),
}

const ENTRY_METHODS: Record<string, Handler> = {
  getKey: (e: JEntry) => e.key,
  getValue: (e: JEntry) => e.value,
  toString: (e: JEntry) => printValue(e),
}

type Num = number | bigint | JDouble
const asBig = (n: Num): bigint | undefined => (n instanceof JDouble ? undefined : typeof n === 'bigint' ? n : Number.isInteger(n) ? BigInt(n) : undefined)

/** Java `Integer.parseInt` / `Long.parseLong`: optional sign, decimal digits only. */
function parseInteger(v: unknown, bits: 32 | 64): number | bigint {
  const s = str(v)
  if (!/^[+-]?\d+$/.test(s)) throw new VtlRuntimeError(`NumberFormatException: For input string: "${s}"`)
  const b = BigInt(s)
  const max = bits === 32 ? 2n ** 31n : 2n ** 63n
  if (b < -max || b >= max) throw new VtlRuntimeError(`NumberFormatException: For input string: "${s}"`)
  return normInt(b)
}

function parseDouble(v: unknown): JDouble {
  const s = str(v).trim()
  if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?)$/.test(s)) throw new VtlRuntimeError(`NumberFormatException: For input string: "${s}"`)
  return new JDouble(Number(s.replace(/[dDfF]$/, '')))
}

function intBits(x: unknown, radix: number): string {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new VtlRuntimeError('needs an int')
  return (x >>> 0).toString(radix)
}

const NUMBER_METHODS: Record<string, Handler> = {
  intValue: (n: Num) => {
    const b = asBig(n)
    return b === undefined ? Math.trunc(toDouble(n)) | 0 : Number(BigInt.asIntN(32, b))
  },
  longValue: (n: Num) => {
    const b = asBig(n)
    return b === undefined ? Math.trunc(toDouble(n)) : normInt(BigInt.asIntN(64, b))
  },
  doubleValue: (n: Num) => new JDouble(toDouble(n)),
  floatValue: (n: Num) => new JDouble(Math.fround(toDouble(n))),
  toString: (n: Num) => printValue(n),
  equals: (n: Num, x) => isJavaNumber(x) && javaClassOf(x) === javaClassOf(n) && toDouble(x) === toDouble(n),
  compareTo: (n: Num, x) => {
    if (!isJavaNumber(x)) throw new VtlRuntimeError('compareTo needs a number')
    const a = toDouble(n)
    const b = toDouble(x)
    return a < b ? -1 : a > b ? 1 : 0
  },
  isNaN: (n: Num) => Number.isNaN(toDouble(n)),
  // Statics of Integer / Long / Double, reachable through any number.
  parseInt: (_n: Num, s) => parseInteger(s, 32),
  parseLong: (_n: Num, s) => parseInteger(s, 64),
  parseDouble: (_n: Num, s) => parseDouble(s),
  valueOf: (n: Num, s: unknown) => (n instanceof JDouble ? parseDouble(s) : typeof s === 'number' || typeof s === 'bigint' ? s : parseInteger(s, 64)),
  // Integer.toHexString / toBinaryString / toOctalString: the int's two's-complement bits, unsigned.
  toHexString: (_n: Num, x) => intBits(x, 16),
  toBinaryString: (_n: Num, x) => intBits(x, 2),
  toOctalString: (_n: Num, x) => intBits(x, 8),
  max: (_n: Num, a, b) => (isJavaNumber(a) && isJavaNumber(b) ? (toDouble(a) >= toDouble(b) ? a : b) : undefined),
  min: (_n: Num, a, b) => (isJavaNumber(a) && isJavaNumber(b) ? (toDouble(a) <= toDouble(b) ? a : b) : undefined),
}

const BOOLEAN_METHODS: Record<string, Handler> = {
  booleanValue: (b: boolean) => b,
  toString: (b: boolean) => String(b),
  equals: (b: boolean, x) => x === b,
  compareTo: (b: boolean, x) => {
    if (typeof x !== 'boolean') throw new VtlRuntimeError('compareTo needs a Boolean')
    return b === x ? 0 : b ? 1 : -1
  },
  // Statics of java.lang.Boolean.
  parseBoolean: (_b: boolean, s) => typeof s === 'string' && s.toLowerCase() === 'true',
  valueOf: (_b: boolean, s: unknown) => (typeof s === 'boolean' ? s : typeof s === 'string' && s.toLowerCase() === 'true'),
}

const CLASS_METHODS: Record<string, Handler> = {
  getName: (c: JClass) => c.name,
  getSimpleName: (c: JClass) => c.simpleName,
  toString: (c: JClass) => printValue(c),
}

function tableFor(self: unknown): Record<string, Handler> | undefined {
  if (typeof self === 'string') return STRING_METHODS
  if (Array.isArray(self)) return LIST_METHODS
  if (self instanceof Map) return MAP_METHODS
  if (isJavaNumber(self)) return NUMBER_METHODS
  if (typeof self === 'boolean') return BOOLEAN_METHODS
  if (self instanceof JEntry) return ENTRY_METHODS
  if (self instanceof JClass) return CLASS_METHODS
  return undefined
}

/** Java's `long` → `int` hash, `(int) (v ^ (v >>> 32))` (Long.hashCode, Double.hashCode of the bits). */
function foldLong(v: bigint): number {
  const u = BigInt.asUintN(64, v)
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)))
}

/**
 * `hashCode()` as the JDK computes it (java.lang.String/Integer/Long/Double/Boolean, BigInteger over its 32-bit
 * magnitude words, AbstractList: `31 * h + e`, AbstractMap: the sum of `key ^ value` per entry; null hashes to 0).
 * Undefined for values whose hash is an identity hash (a Class): Velocity would print a number no one can predict.
 */
export function javaHashCode(v: unknown): number | undefined {
  if (v === null || v === undefined) return 0
  if (typeof v === 'string') return (STRING_METHODS.hashCode as (s: string) => number)(v)
  if (typeof v === 'boolean') return v ? 1231 : 1237
  if (v instanceof JDouble || (typeof v === 'number' && !Number.isInteger(v))) {
    const d = toDouble(v as Num)
    const view = new DataView(new ArrayBuffer(8))
    view.setFloat64(0, Number.isNaN(d) ? NaN : d)
    return foldLong(Number.isNaN(d) ? 0x7ff8000000000000n : view.getBigInt64(0))
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    const cls = javaClassOf(v)
    if (cls === 'java.lang.Integer') return Number(v) | 0
    if (cls === 'java.lang.Long') return foldLong(BigInt(v))
    // BigInteger: 31 * h + each 32-bit word of the magnitude, most significant first, times the sign.
    let mag = BigInt(v) < 0n ? -BigInt(v) : BigInt(v)
    const words: bigint[] = []
    for (; mag > 0n; mag >>= 32n) words.unshift(mag & 0xffffffffn)
    let h = 0
    for (const w of words) h = (Math.imul(31, h) + Number(w)) | 0
    return BigInt(v) < 0n ? -h | 0 : h
  }
  if (Array.isArray(v)) {
    let h = 1
    for (const x of v) h = (Math.imul(31, h) + (javaHashCode(x) ?? 0)) | 0
    return h
  }
  if (v instanceof Map) {
    let h = 0
    for (const [k, x] of v) h = (h + ((javaHashCode(k) ?? 0) ^ (javaHashCode(x) ?? 0))) | 0
    return h
  }
  if (v instanceof JEntry) return (javaHashCode(v.key) ?? 0) ^ (javaHashCode(v.value) ?? 0)
  return undefined
}

/** Result of a Java method call: `found` false when the value has no such method (Velocity then yields null). */
export function callJavaMethod(self: unknown, name: string, args: unknown[]): { found: boolean; value?: unknown } {
  if (name === 'getClass' && args.length === 0 && self !== null && self !== undefined) return { found: true, value: new JClass(javaClassOf(self)) }
  if (name === 'hashCode' && args.length === 0 && self !== null && self !== undefined) {
    const h = javaHashCode(self)
    return h === undefined ? { found: false } : { found: true, value: h }
  }
  const table = tableFor(self)
  if (!table || !Object.prototype.hasOwnProperty.call(table, name)) return { found: false }
  return { found: true, value: (table[name] as (...a: unknown[]) => unknown)(self, ...args) }
}

/**
 * Velocity's property lookup on a non-map value (`$s.empty`, `$list.class`, `$e.key`): the getter `getX()`,
 * then `isX()`. Maps use `get(name)` instead (except `class`), handled by the caller.
 */
export function javaProperty(self: unknown, name: string): unknown {
  if (name === 'class') return self === null || self === undefined ? undefined : new JClass(javaClassOf(self))
  if (self instanceof JEntry) return name === 'key' ? self.key : name === 'value' ? self.value : undefined
  if (self instanceof JClass) return name === 'name' ? self.name : name === 'simpleName' ? self.simpleName : undefined
  const cap = name.charAt(0).toUpperCase() + name.slice(1)
  for (const m of [`get${cap}`, `get${name}`, `is${cap}`]) {
    const r = callJavaMethod(self, m, [])
    if (r.found) return r.value
  }
  return undefined
}

/** Method names that exist on Java strings (for the editor's completion list). */
export const JAVA_STRING_METHODS = Object.keys(STRING_METHODS)
