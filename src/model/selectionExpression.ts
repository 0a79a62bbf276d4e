/**
 * WebSocket selection expressions (route, template, model selection): `$request.body.action`,
 * `${request.body.service}/${request.body.action}`, static text, `\$default` for a literal `$`.
 */

export type SelectionPart = { kind: 'text'; text: string } | { kind: 'variable'; name: string }

/** Splits an expression into static text and variables (`$a.b` or `${a.b}`); `\$` is a literal dollar. */
export function parseSelectionExpression(expression: string): SelectionPart[] {
  const parts: SelectionPart[] = []
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
      continue
    }
    if (c === '$' && expression[i + 1] === '{') {
      const end = expression.indexOf('}', i + 2)
      if (end > 0) {
        flush()
        parts.push({ kind: 'variable', name: expression.slice(i + 2, end) })
        i = end
        continue
      }
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_.-]*)/.exec(expression.slice(i))
      if (m) {
        flush()
        parts.push({ kind: 'variable', name: m[1] })
        i += m[0].length - 1
        continue
      }
    }
    text += c
  }
  flush()
  return parts
}

/** The expression's value when it has no variables (a static selection), else undefined. */
export function staticSelectionValue(expression: string): string | undefined {
  const parts = parseSelectionExpression(expression)
  return parts.every((p) => p.kind === 'text') ? parts.map((p) => (p.kind === 'text' ? p.text : '')).join('') : undefined
}
