/**
 * Field paths inside an entity, as written in diagnostics: `requestTemplates.$default`,
 * `requestParameters["integration.request.header.Content-Type"]`. Segments that are not plain words are
 * written in brackets as JSON strings so map keys with dots survive the round trip.
 */

const PLAIN_SEGMENT = /^[A-Za-z0-9_$/-]+$/

export function fieldPath(...segments: readonly (string | number)[]): string {
  let out = ''
  for (const raw of segments) {
    const s = String(raw)
    if (PLAIN_SEGMENT.test(s)) out += out ? `.${s}` : s
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

export function splitFieldPath(path: string): string[] {
  const segments: string[] = []
  let i = 0
  while (i < path.length) {
    if (path[i] === '.') {
      i++
      continue
    }
    if (path[i] === '[') {
      // A JSON string literal follows; find its closing quote honouring escapes.
      let j = i + 2
      while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1
      segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string)
      i = j + 2
      continue
    }
    let j = i
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++
    segments.push(path.slice(i, j))
    i = j
  }
  return segments
}
