/**
 * Semantic comparison of two CloudFormation templates (node-only test helper).
 *
 * Normalisation, and why each step keeps meaning:
 * - string intrinsics: `Fn::Join` with "" and `Fn::Sub` (its own variables replaced by their values) both
 *   become one canonical list of literal text and `Ref` / `Fn::GetAtt` parts (CDK writes Fn::Join, our
 *   template writes Fn::Sub; CloudFormation resolves both to the same string);
 * - `DependsOn` is a set (order has no meaning);
 * - every section but `AWSTemplateFormatVersion` (ours only) is compared; from the CDK's we drop
 *   `Parameters.BootstrapVersion` and `Rules.CheckBootstrapVersion`, which it adds for its bootstrap check.
 */

type J = null | boolean | number | string | J[] | { [k: string]: J }

type Part = string | { Ref: string } | { 'Fn::GetAtt': [string, string] }

function subParts(text: string): Part[] {
  const parts: Part[] = []
  const re = /\$\{([^}]*)\}/g
  let last = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(text.slice(last, m.index))
    last = m.index + m[0].length
    const inner = m[1]
    if (inner.startsWith('!')) parts.push(`\${${inner.slice(1)}}`)
    else if (inner.includes('.') && !inner.startsWith('AWS::')) {
      const dot = inner.indexOf('.')
      parts.push({ 'Fn::GetAtt': [inner.slice(0, dot), inner.slice(dot + 1)] })
    } else parts.push({ Ref: inner })
  }
  parts.push(text.slice(last))
  return parts
}

function merge(parts: J[]): J {
  const out: J[] = []
  for (const p of parts) {
    if (typeof p === 'string') {
      if (!p) continue
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] = (out[out.length - 1] as string) + p
      else out.push(p)
    } else if (p && typeof p === 'object' && !Array.isArray(p) && '$concat' in p) out.push(...(p.$concat as J[]))
    else out.push(p)
  }
  const again = out.length !== parts.length ? merge(out) : out
  if (Array.isArray(again)) {
    if (again.length === 0) return ''
    if (again.length === 1) return again[0]
    return { $concat: again }
  }
  return again
}

export function normalizeValue(value: J): J {
  if (Array.isArray(value)) return value.map(normalizeValue)
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value)
  if (keys.length === 1) {
    const [k] = keys
    const v = value[k]
    if (k === 'Fn::Join' && Array.isArray(v) && v[0] === '' && Array.isArray(v[1])) return merge((v[1] as J[]).map(normalizeValue))
    if (k === 'Fn::Sub' && typeof v === 'string') return merge(subParts(v).map((p) => normalizeValue(p as J)))
    if (k === 'Fn::Sub' && Array.isArray(v) && typeof v[0] === 'string' && v[1] && typeof v[1] === 'object' && !Array.isArray(v[1])) {
      // A variable of the Sub's own map stands for its value (CDK writes literal text that way, tokenLookalikes.ts).
      const vars = v[1] as { [k: string]: J }
      return merge(subParts(v[0]).map((p) => normalizeValue(typeof p === 'object' && 'Ref' in p && p.Ref in vars ? vars[p.Ref] : (p as J))))
    }
    if (k === 'Fn::GetAtt' && typeof v === 'string') return { 'Fn::GetAtt': v.split('.', 2) as J[] }
  }
  return Object.fromEntries(keys.sort().map((k) => [k, normalizeValue(value[k])]))
}

export function normalizeTemplate(template: { [k: string]: J }): { [k: string]: J } {
  const resources = (template.Resources ?? {}) as { [k: string]: { [k: string]: J } }
  const out: { [k: string]: J } = {}
  for (const [id, r] of Object.entries(resources)) {
    const body: { [k: string]: J } = {}
    // Attribute order has no meaning (CDK writes overrides such as Condition after Properties).
    for (const [k, v] of Object.entries(r).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      if (k === 'Metadata') continue // CDK CLI path metadata; not part of what is deployed
      if (k === 'DependsOn') body[k] = [...new Set(Array.isArray(v) ? (v as string[]) : [v as string])].sort()
      else body[k] = normalizeValue(v)
    }
    out[id] = body
  }
  const sections: { [k: string]: J } = { Resources: out, Conditions: normalizeValue((template.Conditions ?? {}) as J) }
  for (const name of VERBATIM_SECTIONS) {
    let value = template[name]
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value).filter(([k]) => !(name === 'Parameters' && k === 'BootstrapVersion') && !(name === 'Rules' && k === 'CheckBootstrapVersion')))
      if (!Object.keys(value).length) continue
    }
    if (value !== undefined) sections[name] = normalizeValue(value)
  }
  return sections
}

/** Sections besides Resources and Conditions (the verbatim ones an imported design carries). */
const VERBATIM_SECTIONS = ['Parameters', 'Mappings', 'Outputs', 'Rules', 'Transform', 'Description', 'Metadata']

/** Human-readable differences (empty when equal). */
export function diffTemplates(expected: { [k: string]: J }, actual: { [k: string]: J }): string[] {
  const a = normalizeTemplate(expected)
  const b = normalizeTemplate(actual)
  const out: string[] = []
  const ra = a.Resources as { [k: string]: J }
  const rb = b.Resources as { [k: string]: J }
  for (const id of Object.keys(ra)) if (!(id in rb)) out.push(`only in cfn-json export: ${id} ${JSON.stringify(ra[id])}`)
  for (const id of Object.keys(rb)) if (!(id in ra)) out.push(`only in synthesized CDK: ${id} ${JSON.stringify(rb[id])}`)
  for (const id of Object.keys(ra)) {
    if (!(id in rb)) continue
    const x = JSON.stringify(ra[id])
    const y = JSON.stringify(rb[id])
    if (x !== y) out.push(`${id} differs:\n  export: ${x}\n  synth:  ${y}`)
  }
  for (const name of ['Conditions', ...VERBATIM_SECTIONS]) {
    const x = JSON.stringify(a[name] ?? null)
    const y = JSON.stringify(b[name] ?? null)
    if (x !== y) out.push(`${name} differ: ${x} vs ${y}`)
  }
  return out
}
