/**
 * Java regular expressions and replacement strings, translated to JavaScript. The common subset is the same;
 * these are the differences templates actually hit: inline flags `(?i)`, `\A` `\Z` `\z`, possessive
 * quantifiers (approximated as greedy), POSIX classes `\p{Alpha}`…, and Java's `$1` / `\$` replacement syntax.
 */

export class JavaRegexError extends Error {}

const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F', XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
}

const cache = new Map<string, { source: string; flags: string }>()

export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  const hit = cache.get(pattern)
  if (hit) return hit
  let flags = ''
  let src = pattern
  const inline = /^\(\?([imsx]+)\)/.exec(src)
  if (inline) {
    for (const f of inline[1]) if (f !== 'x' && !flags.includes(f)) flags += f
    src = src.slice(inline[0].length)
  }
  let out = ''
  let inClass = false
  // Whether the last emitted token was a quantifier (`*`, `+`, `?`, `{n,m}`): a following `+` is possessive.
  let afterQuantifier = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      afterQuantifier = false
      const n = src[i + 1]
      if (n === 'p' || n === 'P') {
        const m = /^\{(?:Is)?([A-Za-z]+)\}/.exec(src.slice(i + 2))
        if (m && POSIX[m[1]]) {
          const body = POSIX[m[1]]
          out += inClass ? body : n === 'p' ? `[${body}]` : `[^${body}]`
          i += 1 + m[0].length
          continue
        }
      }
      if (!inClass && n === 'A') {
        out += '^'
        i++
        continue
      }
      if (!inClass && (n === 'z' || n === 'Z')) {
        out += '$'
        i++
        continue
      }
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2)
        const lit = src.slice(i + 2, end < 0 ? src.length : end)
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
        i = end < 0 ? src.length : end + 1
        continue
      }
      out += c + (n ?? '')
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      out += c
      continue
    }
    if (c === '[') {
      inClass = true
      afterQuantifier = false
      out += c
      continue
    }
    if (c === '+' && afterQuantifier) {
      // Possessive quantifier (`a*+`): no JS equivalent; greedy gives the same matches for templates' uses.
      afterQuantifier = false
      continue
    }
    if (c === '*' || c === '+' || c === '?') {
      afterQuantifier = c !== '?' || !afterQuantifier
      out += c
      continue
    }
    const counted = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(src.slice(i)) : null
    if (counted) {
      out += counted[0]
      i += counted[0].length - 1
      afterQuantifier = true
      continue
    }
    afterQuantifier = false
    out += c
  }
  const result = { source: out, flags }
  if (cache.size > 200) cache.clear()
  cache.set(pattern, result)
  return result
}

/** A JS RegExp for a Java pattern; `full` anchors it like `String.matches` (after inline flags are read). */
export function javaRegex(pattern: string, extraFlags = '', full = false): RegExp {
  const { source, flags } = translateJavaRegex(pattern)
  try {
    return new RegExp(full ? `^(?:${source})$` : source, flags + extraFlags)
  } catch (e) {
    throw new JavaRegexError(`invalid regular expression ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Java `Matcher.appendReplacement` syntax → a replacer function (no JS `$&` / `$$` surprises). */
export function javaReplacement(replacement: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    const groupCount = rest.findIndex((x) => typeof x === 'number')
    const groups = rest.slice(0, groupCount < 0 ? 0 : groupCount) as (string | undefined)[]
    const named = rest[rest.length - 1]
    let out = ''
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i]
      if (c === '\\') {
        i++
        if (i >= replacement.length) throw new JavaRegexError('character to be escaped is missing in the replacement')
        out += replacement[i]
      } else if (c === '$') {
        const name = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1))
        if (name) {
          const value = typeof named === 'object' && named ? (named as Record<string, string | undefined>)[name[1]] : undefined
          if (value === undefined && !(typeof named === 'object' && named && name[1] in named)) throw new JavaRegexError(`no group with name {${name[1]}}`)
          out += value ?? ''
          i += name[0].length
          continue
        }
        const digits = /^\d/.exec(replacement.slice(i + 1))
        if (!digits) throw new JavaRegexError('illegal group reference in the replacement')
        // Java takes as many digits as still form a valid group number.
        let num = Number(digits[0])
        let len = 1
        while (/\d/.test(replacement[i + 1 + len] ?? '') && num * 10 + Number(replacement[i + 1 + len]) <= groups.length) {
          num = num * 10 + Number(replacement[i + 1 + len])
          len++
        }
        if (num > groups.length) throw new JavaRegexError(`no group ${num}`)
        out += num === 0 ? match : (groups[num - 1] ?? '')
        i += len
      } else out += c
    }
    return out
  }
}
