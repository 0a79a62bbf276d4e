/**
 * WebSocket selection expressions (route, template, model selection): `$request.body.action`,
 * `${request.body.service}/${request.body.action}`, static text, `\$default` for a literal `$`.
 */

export type ExpressionPart = { kind: 'text'; text: string } | { kind: 'var'; name: string; start: number; end: number }

export function parseExpression(expression: string): ExpressionPart[] {
  const parts: ExpressionPart[] = []
  let text = ''
  const flush = () => {
    if (text) parts.push({ kind: 'text', text })
    text = ''
  }
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]
    if (c === '\\' && expression[i + 1] === '$') {
      text += '$'
      i++
    } else if (c === '$' && expression[i + 1] === '{') {
      const end = expression.indexOf('}', i + 2)
      if (end < 0) {
        text += c
        continue
      }
      flush()
      parts.push({ kind: 'var', name: expression.slice(i + 2, end).trim(), start: i, end: end + 1 })
      i = end
    } else if (c === '$') {
      const m = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(expression.slice(i + 1))
      if (!m) {
        text += c
        continue
      }
      const name = m[0].replace(/\.+$/, '')
      flush()
      parts.push({ kind: 'var', name, start: i, end: i + 1 + name.length })
      i += name.length
    } else text += c
  }
  flush()
  return parts
}

/** The value of an expression without variables (a static selection), else undefined. */
export function staticValue(expression: string): string | undefined {
  const parts = parseExpression(expression)
  if (parts.some((p) => p.kind === 'var')) return undefined
  return parts.map((p) => (p.kind === 'text' ? p.text : '')).join('')
}

