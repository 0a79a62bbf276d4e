/**
 * Java method semantics on template values, as velocityjs custom method handlers. API Gateway runs
 * templates on the JVM, so `"x".replaceAll(re, r)` is a Java regex replace, `.length()` is a method,
 * `.matches()` must match the whole string, `$list.add(x)` returns `true`, `$map.put(k, v)` returns the
 * previous value, and so on. Out-of-range `substring` throws in Java, which fails the whole request.
 */

import { javaRegex, javaReplacement } from './javaRegex'
import { printValue } from './values'

export class VtlRuntimeError extends Error {}

type Payload = { property: string; context: unknown; params: unknown[] }
type Handler = (self: never, ...args: unknown[]) => unknown

const str = (v: unknown): string => (typeof v === 'string' ? v : printValue(v))
const int = (v: unknown, what: string): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN
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
  hashCode: (s: string) => {
    let h = 0
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
    return h
  },
}

const LIST_METHODS: Record<string, Handler> = {
  isEmpty: (l: unknown[]) => l.length === 0,
  contains: (l: unknown[], x) => l.some((v) => v === x || printValue(v) === printValue(x)),
  add: (l: unknown[], a, b) => {
    if (b === undefined) l.push(a)
    else l.splice(int(a, 'add index'), 0, b)
    return true
  },
  addAll: (l: unknown[], xs) => {
    if (Array.isArray(xs)) l.push(...xs)
    return true
  },
  get: (l: unknown[], i) => {
    const n = int(i, 'get')
    if (n < 0 || n >= l.length) throw new VtlRuntimeError(`Index ${n} out of bounds for length ${l.length}`)
    return l[n]
  },
  size: (l: unknown[]) => l.length,
  indexOf: (l: unknown[], x) => l.findIndex((v) => v === x || printValue(v) === printValue(x)),
  toString: (l: unknown[]) => printValue(l),
}

const MAP_METHODS: Record<string, Handler> = {
  isEmpty: (m: Record<string, unknown>) => Object.keys(m).length === 0,
  containsKey: (m: Record<string, unknown>, k) => Object.prototype.hasOwnProperty.call(m, str(k)),
  containsValue: (m: Record<string, unknown>, x) => Object.values(m).some((v) => v === x || printValue(v) === printValue(x)),
  put: (m: Record<string, unknown>, k, v) => {
    const key = str(k)
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return undefined
    const prev = m[key]
    m[key] = v
    return prev
  },
  putAll: (m: Record<string, unknown>, o) => {
    if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k !== '__proto__') m[k] = v
    return undefined
  },
  values: (m: Record<string, unknown>) => Object.values(m),
  toString: (m: Record<string, unknown>) => printValue(m),
}

function tableFor(context: unknown): Record<string, Handler> | undefined {
  if (typeof context === 'string') return STRING_METHODS
  if (Array.isArray(context)) return LIST_METHODS
  if (context && typeof context === 'object' && Object.getPrototypeOf(context) === Object.prototype) return MAP_METHODS
  return undefined
}

export const JAVA_METHOD_HANDLERS = [
  {
    uid: 'apigw: java methods',
    match: ({ property, context }: Payload) => {
      const t = tableFor(context)
      if (!t || !Object.prototype.hasOwnProperty.call(t, property)) return false
      // On a map, an own function member (API objects such as $input) wins over the Java method of that name.
      if (t !== MAP_METHODS) return true
      return typeof (context as Record<string, unknown>)[property] !== 'function'
    },
    resolve: ({ property, context, params }: Payload) => (tableFor(context)![property] as (...a: unknown[]) => unknown)(context, ...params),
  },
]

/** Method names that exist on Java strings (for the editor's completion list). */
export const JAVA_STRING_METHODS = Object.keys(STRING_METHODS)
