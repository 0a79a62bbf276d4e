/**
 * A request/response template that is compact JSON (byte-exact `JSON.stringify(JSON.parse(text))`, as the
 * CDK docs write them) is printed as data: `JSON.stringify({...})` in TypeScript and
 * `json.dumps({...}, separators=(",", ":"), ensure_ascii=False)` in Python, with references as live
 * attributes inside the object. Anything else — VTL with spaces, directives, numbers Python would print
 * differently — stays verbatim text, so both languages always produce the identical string.
 */

import type { Code } from './code'
import { normalizeExpr, type Expr, type ExprPart } from './expr'
import { looksLikeToken } from './tokenLookalikes'

const PLACEHOLDER = (i: number) => `\u{E000}ref${i}\u{E001}`
const PLACEHOLDER_RE = /\u{E000}ref(\d+)\u{E001}/gu

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++
        continue
      }
      return true
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true
  }
  return false
}

/** A template as code: JSON data when it qualifies, otherwise the text itself. */
export function templateCode(expr: Expr): Code {
  return jsonTemplateCode(expr) ?? { k: 'str', expr }
}

/** The template as a JSON data Code, or undefined when it must stay text. */
export function jsonTemplateCode(expr: Expr): Code | undefined {
  const refs: Exclude<ExprPart, string>[] = []
  const text = expr.map((p) => (typeof p === 'string' ? p : PLACEHOLDER(refs.push(p) - 1))).join('')
  if (!text.startsWith('{')) return undefined
  // The placeholders use private-use characters; text that already has them stays verbatim.
  if (/[\u{E000}\u{E001}]/u.test(expr.filter((p) => typeof p === 'string').join(''))) return undefined
  if (hasLoneSurrogate(text)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (JSON.stringify(parsed) !== text) return undefined
  let ok = true
  const toCode = (value: unknown): Code => {
    if (value === null) return { k: 'json', value: null }
    if (typeof value === 'boolean') return { k: 'bool', value }
    if (typeof value === 'number') {
      // Python prints floats and big integers differently from JavaScript.
      if (!Number.isSafeInteger(value) || Object.is(value, -0)) ok = false
      return { k: 'num', value }
    }
    if (typeof value === 'string') {
      const parts: ExprPart[] = []
      let last = 0
      for (const m of value.matchAll(PLACEHOLDER_RE)) {
        parts.push(value.slice(last, m.index), refs[Number(m[1])])
        last = (m.index ?? 0) + m[0].length
      }
      parts.push(value.slice(last))
      return { k: 'str', expr: normalizeExpr(parts) }
    }
    if (Array.isArray(value)) return { k: 'list', items: value.map(toCode) }
    const entries = Object.entries(value as Record<string, unknown>)
    // A reference in a key cannot be a data key; integer-like keys would be reordered (caught above).
    if (entries.some(([k]) => k.includes('\u{E000}'))) ok = false
    // A key that looks like a CDK token would be scanned as one inside the text; as text, the template is written as a literal Fn.sub.
    if (entries.some(([k]) => looksLikeToken(k))) ok = false
    return { k: 'map', entries: entries.map(([k, v]) => [k, toCode(v)]) }
  }
  const code = toCode(parsed)
  return ok ? { k: 'jsonStringify', value: code } : undefined
}
