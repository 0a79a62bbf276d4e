/** `name=value` lines of the tester's context fields ↔ maps. Blank lines and `# comments` are ignored. */

export function parsePairs(text: string): { values: Record<string, string>; errors: string[] } {
  const values: Record<string, string> = {}
  const errors: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq <= 0) {
      errors.push(`line ${i + 1} needs the form name=value`)
      return
    }
    const name = line.slice(0, eq).trim()
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
      errors.push(`line ${i + 1}: "${name}" cannot be used as a name`)
      return
    }
    values[name] = line.slice(eq + 1).trim()
  })
  return { values, errors }
}

export function formatPairs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')
}
