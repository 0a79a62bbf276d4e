/**
 * Python literal spelling. JSON string escaping is valid Python string escaping (`\"`, `\\`, `\n`, `\uXXXX`,
 * including lone surrogates) and reads back identically with `ast.literal_eval`; on top of that we escape
 * U+2028/U+2029, DEL and C1 controls so the source stays readable. f-string parts double `{` and `}`.
 */

/**
 * The body of a Python literal quoted with `quote`: JSON escapes (one escape sequence at a time, so `\\"`
 * is never misread), the other quote unescaped, `quote` escaped.
 */
function body(text: string, quote: '"' | "'"): string {
  const json = JSON.stringify(text).slice(1, -1)
  let out = ''
  for (let i = 0; i < json.length; i++) {
    const ch = json[i]
    if (ch === '\\') {
      const escape = json[i + 1] === 'u' ? json.slice(i, i + 6) : json.slice(i, i + 2)
      i += escape.length - 1
      out += escape === '\\"' && quote === "'" ? '"' : escape
      continue
    }
    const code = ch.charCodeAt(0)
    if ((code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`
    else if (ch === "'" && quote === "'") out += "\\'"
    else out += ch
  }
  return out
}

/** Single quotes when the text has double quotes but no single ones (JSON-ish templates read better). */
export function pyQuote(text: string): '"' | "'" {
  return text.includes('"') && !text.includes("'") ? "'" : '"'
}

/** A Python string literal. */
export function pyString(text: string): string {
  const q = pyQuote(text)
  return `${q}${body(text, q)}${q}`
}

/** Literal text inside an f-string quoted with `quote`. */
export function pyFStringPart(text: string, quote: '"' | "'"): string {
  return body(text, quote).replace(/[{}]/g, (c) => c + c)
}

export function pyNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  return String(n).replace('e+', 'e')
}
