/**
 * The last guard of every export: no template may name what it does not define. CloudFormation rejects a `Ref`,
 * `Fn::GetAtt`, `Fn::Sub` variable, `DependsOn` or condition that names nothing, so a rename the builders missed
 * (an entity renamed in the designer, another stack name, an id the export computes) would fail only at deploy
 * time. Every name the template uses, in modelled and verbatim parts alike, is checked against what it defines:
 * its resources (modelled and verbatim), parameters, pseudo parameters and conditions. A dangling name is EXP021,
 * an error: the CloudFormation and CDK targets share these resources, so one check covers all four.
 */

import type { Json, JsonObject, VerbatimCfn } from '../../model/types'
import type { IrContext } from './context'
import type { CfnResourceIr } from './types'

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A name a template uses, and where (for the message). */
interface Use {
  name: string
  kind: 'resource' | 'condition'
  where: string
}

/** `${X}` and `${X.Attr}` in an `Fn::Sub` text, except `${!…}` escapes and the Sub's own variables. */
function subNames(text: string, locals: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    const inner = m[1].trim()
    if (locals.has(inner)) continue
    out.push(inner.split('.')[0])
  }
  return out
}

/**
 * Every `Ref`, `Fn::GetAtt`, `Fn::Sub` name and condition name in a CloudFormation value. Iterative: any depth.
 * `{Condition: name}` is a condition only inside condition expressions (IAM statements have `Condition` keys too).
 */
function usesIn(value: Json | undefined, where: string, out: Use[], inCondition = false): void {
  const stack: Json[] = value === undefined ? [] : [value]
  while (stack.length) {
    const v = stack.pop() as Json
    if (Array.isArray(v)) {
      stack.push(...v)
      continue
    }
    if (!isObject(v)) continue
    const keys = Object.keys(v)
    if (keys.length === 1) {
      const [k] = keys
      const arg = v[k]
      if (k === 'Ref' && typeof arg === 'string') out.push({ name: arg, kind: 'resource', where })
      else if (k === 'Fn::GetAtt') {
        const target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined
        if (typeof target === 'string') out.push({ name: target, kind: 'resource', where })
      } else if (k === 'Fn::Sub') {
        const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined
        const vars = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : {}
        if (text !== undefined) for (const name of subNames(text, new Set(Object.keys(vars)))) out.push({ name, kind: 'resource', where })
      } else if (k === 'Fn::If' && Array.isArray(arg) && typeof arg[0] === 'string') out.push({ name: arg[0], kind: 'condition', where })
      else if (inCondition && k === 'Condition' && typeof arg === 'string') out.push({ name: arg, kind: 'condition', where })
    }
    for (const k of keys) stack.push(v[k])
  }
}

function resourceUses(logicalId: string, body: { Properties?: Json; DependsOn?: Json; Condition?: Json; Metadata?: Json }, out: Use[]): void {
  const where = `resource ${logicalId}`
  usesIn(body.Properties, where, out)
  const deps = typeof body.DependsOn === 'string' ? [body.DependsOn] : Array.isArray(body.DependsOn) ? body.DependsOn : []
  for (const d of deps) if (typeof d === 'string') out.push({ name: d, kind: 'resource', where: `DependsOn of ${logicalId}` })
  if (typeof body.Condition === 'string') out.push({ name: body.Condition, kind: 'condition', where })
}

export function checkReferences(ctx: IrContext, resources: readonly CfnResourceIr[], verbatim: { verbatim?: VerbatimCfn; resources: Record<string, Json> }): void {
  const sections = verbatim.verbatim ?? {}
  const resourceNames = new Set<string>([...resources.map((r) => r.logicalId), ...Object.keys(verbatim.resources), ...Object.keys(sections.Parameters ?? {})])
  const conditionNames = new Set<string>([...Object.keys(ctx.conditions), ...Object.keys(sections.Conditions ?? {})])
  const uses: Use[] = []
  for (const r of resources) {
    resourceUses(r.logicalId, { Properties: r.properties, DependsOn: r.dependsOn, Condition: r.condition }, uses)
  }
  for (const [id, body] of Object.entries(verbatim.resources)) if (isObject(body)) resourceUses(id, body, uses)
  for (const [name, output] of Object.entries(sections.Outputs ?? {})) {
    if (!isObject(output)) continue
    usesIn(output.Value, `output ${name}`, uses)
    if (typeof output.Condition === 'string') uses.push({ name: output.Condition, kind: 'condition', where: `output ${name}` })
  }
  for (const [name, condition] of Object.entries({ ...ctx.conditions, ...(sections.Conditions ?? {}) })) usesIn(condition, `condition ${name}`, uses, true)

  // A transform (SAM's, a macro) adds resources of its own that a template may name: there a dangling name may
  // be fine, so it is a warning, not an error.
  const transformed = sections.Transform !== undefined
  const reported = new Set<string>()
  for (const u of uses) {
    const defined = u.kind === 'condition' ? conditionNames.has(u.name) : u.name.startsWith('AWS::') || resourceNames.has(u.name)
    const key = `${u.kind}\0${u.name}\0${u.where}`
    if (defined || reported.has(key)) continue
    reported.add(key)
    const what = u.kind === 'condition' ? 'condition' : 'resource or parameter'
    const message = `The exported template names ${u.kind === 'condition' ? 'the condition ' : ''}"${u.name}" in ${u.where}, but defines no such ${what}`
    if (transformed) ctx.warn('EXP021', `${message}; unless the template's transform creates it, CloudFormation will reject it.`, undefined)
    else ctx.error('EXP021', `${message}, so CloudFormation would reject it. Rename the reference, or restore what it names.`, undefined)
  }
}
