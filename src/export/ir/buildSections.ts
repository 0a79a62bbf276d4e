/**
 * Verbatim template sections as CDK code: `CfnParameter`, `CfnMapping`, `CfnCondition`, `CfnRule`,
 * `CfnOutput` and `Stack.addTransform`. Values that may hold intrinsics go in as raw CloudFormation through
 * `Token.asAny` / `Token.asString` (the L1s resolve them unchanged), so the synthesized sections are the
 * verbatim ones byte for byte. A shape these constructs would render differently (an unknown key, a
 * wrong type, a one-element Transform list) stops the CDK targets with EXP011 rather than changing meaning.
 */

import { entitiesWithOptions } from '../../model/resourceOptions'
import { intrinsicCode } from './intrinsicCode'
import type { Json, JsonObject, VerbatimCfn } from '../../model/types'
import { bool, call, construct, lit, num, THIS, v, type Code, type Props } from './code'
import type { IrContext } from './context'

const OWNER = 'cloudformation'

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Raw CloudFormation as a token of any type (condition expressions). */
const asAny = (value: Json): Code => call({ k: 'sym', sym: { module: 'core', name: 'Token' } }, 'asAny', [{ k: 'json', value }])

/** A string prop: literal text, an intrinsic as its CDK expression (`intrinsicCode.ts`), other data as a string token. */
const asString = (value: Json): Code =>
  typeof value === 'string' ? lit(value) : intrinsicCode(value, 'string') ?? call({ k: 'sym', sym: { module: 'core', name: 'Token' } }, 'asString', [{ k: 'json', value }])

type Section = 'Parameters' | 'Mappings' | 'Conditions' | 'Rules' | 'Outputs'

type Kind = 'string' | 'number' | 'boolean' | 'strings' | 'any'

/** CfnParameter props by CloudFormation key, with the type the L1 accepts. */
const PARAMETER_KEYS: Record<string, [string, Kind]> = {
  Type: ['type', 'string'],
  Default: ['default', 'any'],
  AllowedPattern: ['allowedPattern', 'string'],
  AllowedValues: ['allowedValues', 'strings'],
  ConstraintDescription: ['constraintDescription', 'string'],
  Description: ['description', 'string'],
  MaxLength: ['maxLength', 'number'],
  MaxValue: ['maxValue', 'number'],
  MinLength: ['minLength', 'number'],
  MinValue: ['minValue', 'number'],
  NoEcho: ['noEcho', 'boolean'],
}

function typedValue(value: Json, kind: Kind): Code | undefined {
  if (kind === 'any') return { k: 'json', value }
  if (kind === 'string') return typeof value === 'string' ? lit(value) : undefined
  if (kind === 'number') return typeof value === 'number' ? num(value) : undefined
  if (kind === 'boolean') return typeof value === 'boolean' ? bool(value) : undefined
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? { k: 'json', value } : undefined
}

export function buildSections(ctx: IrContext, cfn: VerbatimCfn): void {
  const refuse = (field: string, why: string) =>
    ctx.cdkDiagnostics.push({ code: 'EXP011', severity: 'error', message: `Verbatim ${field} cannot be written as CDK code without changing it: ${why}; export it as CloudFormation, or edit the section.`, entity: OWNER, field })

  // CDK strips anything but letters and digits from a logical id; CloudFormation allows nothing else anyway.
  const entries = (section: Section) =>
    Object.entries(cfn[section] ?? {}).filter(([id]) => {
      const ok = /^[A-Za-z0-9]+$/.test(id)
      if (!ok) refuse(`${section}.${id}`, 'a logical id must be alphanumeric')
      return ok
    })

  /** `new Cfn…(this, id, props)`, keeping the original logical id when the construct id had to differ. */
  const declare = (className: string, logicalId: string, props: Props, variable?: string): string | undefined => {
    const constructId = ctx.stackChildId(logicalId)
    const creation = construct('core', className, [THIS, lit(constructId)], props)
    const renamed = constructId !== logicalId
    if (!variable && !renamed) {
      ctx.emit(OWNER, { k: 'expr', value: creation })
      return undefined
    }
    const name = ctx.names.take(variable ?? `${logicalId} ${className}`, className.replace(/^Cfn/, '').toLowerCase())
    ctx.emit(OWNER, { k: 'const', name, value: creation })
    if (renamed) ctx.emit(OWNER, { k: 'expr', value: call(v(name), 'overrideLogicalId', [lit(logicalId)]) })
    return name
  }

  if (cfn.Transform !== undefined) {
    const transforms = typeof cfn.Transform === 'string' ? [cfn.Transform] : cfn.Transform
    // The stack renders one transform as a string and several as a de-duplicated list.
    const ok = Array.isArray(transforms) && transforms.length !== 1 && transforms.every((t) => typeof t === 'string') && new Set(transforms).size === transforms.length
    if (typeof cfn.Transform === 'string' || ok) {
      for (const t of transforms as string[]) ctx.emit(OWNER, { k: 'expr', value: call(THIS, 'addTransform', [lit(t)]) })
    } else refuse('Transform', 'the stack writes a single transform as a string and never repeats one')
  }

  for (const [id, body] of entries('Parameters')) {
    const field = `Parameters.${id}`
    if (!isObject(body) || typeof body.Type !== 'string') {
      refuse(field, 'a parameter needs a Type')
      continue
    }
    const props: Props = []
    for (const [key, value] of Object.entries(body)) {
      const spec = PARAMETER_KEYS[key]
      const code = spec ? typedValue(value, spec[1]) : undefined
      if (!spec || !code) {
        refuse(field, spec ? `${key} has a type CfnParameter does not take` : `CfnParameter has no ${key}`)
        props.length = 0
        break
      }
      props.push([spec[0], code])
    }
    if (props.length) declare('CfnParameter', id, props)
  }

  for (const [id, body] of entries('Mappings')) {
    // CfnMapping accepts only alphanumeric second-level keys (it throws otherwise).
    const ok = isObject(body) && Object.values(body).every((m) => isObject(m) && Object.keys(m).every((k) => /^[A-Za-z0-9]+$/.test(k)))
    if (ok) declare('CfnMapping', id, [['mapping', { k: 'json', value: body }]])
    else refuse(`Mappings.${id}`, 'CfnMapping needs maps of maps with alphanumeric keys')
  }

  // Outputs name their condition as a construct, so those conditions get a variable.
  const outputConditions = new Set(Object.values(cfn.Outputs ?? {}).flatMap((o) => (isObject(o) && typeof o.Condition === 'string' ? [o.Condition] : [])))
  const conditionVariables = new Map<string, string>()
  // So do the conditions of modelled resources (their resource options, buildResourceOptions.ts).
  const optionConditions = new Set(entitiesWithOptions(ctx.design).flatMap(([, o]) => (o.condition !== undefined ? [o.condition] : [])))
  for (const [id, expression] of entries('Conditions')) {
    if (Object.prototype.hasOwnProperty.call(ctx.conditions, id)) {
      // A condition an L2 construct adds itself (Kinesis encryption): nothing to declare when it is the same.
      if (JSON.stringify(ctx.conditions[id]) !== JSON.stringify(expression)) refuse(`Conditions.${id}`, 'the CDK constructs define this condition differently')
      continue
    }
    const named = outputConditions.has(id) || optionConditions.has(id)
    const variable = declare('CfnCondition', id, [['expression', asAny(expression)]], named ? `${id} condition` : undefined)
    if (variable) {
      conditionVariables.set(id, variable)
      ctx.conditionVariables.set(id, variable)
    }
  }

  for (const [id, body] of entries('Rules')) {
    const field = `Rules.${id}`
    const assertions = isObject(body) ? body.Assertions : undefined
    const known = isObject(body) && Object.keys(body).every((k) => k === 'RuleCondition' || k === 'Assertions')
    const items = Array.isArray(assertions) ? assertions : []
    const itemsOk = items.every((a) => isObject(a) && a.Assert !== undefined && Object.keys(a).every((k) => k === 'Assert' || (k === 'AssertDescription' && typeof a[k] === 'string')))
    if (!known || !Array.isArray(assertions) || !itemsOk) {
      refuse(field, 'a rule is RuleCondition and a list of Assert/AssertDescription')
      continue
    }
    const list: Code = {
      k: 'list',
      items: items.map((a) => {
        const assertion = a as JsonObject
        const props: Props = [['assert', asAny(assertion.Assert)]]
        if (assertion.AssertDescription !== undefined) props.push(['assertDescription', lit(assertion.AssertDescription as string)])
        return { k: 'struct', pyClass: { module: 'core', name: 'CfnRuleAssertion' }, props }
      }),
    }
    const props: Props = []
    if (isObject(body) && body.RuleCondition !== undefined) props.push(['ruleCondition', asAny(body.RuleCondition)])
    props.push(['assertions', list])
    declare('CfnRule', id, props)
  }

  for (const [id, body] of entries('Outputs')) {
    const field = `Outputs.${id}`
    const exportName = isObject(body) && isObject(body.Export) && Object.keys(body.Export).length === 1 ? body.Export.Name : undefined
    const known = isObject(body) && body.Value !== undefined && Object.keys(body).every((k) => ['Value', 'Description', 'Export', 'Condition'].includes(k))
    const condition = isObject(body) && typeof body.Condition === 'string' ? conditionVariables.get(body.Condition) : undefined
    if (!known || (body.Export !== undefined && exportName === undefined) || (body.Description !== undefined && typeof body.Description !== 'string') || (body.Condition !== undefined && !condition)) {
      refuse(field, 'an output is Value, Description, Export.Name and a Condition of this template')
      continue
    }
    const props: Props = [['value', asString(body.Value)]]
    if (typeof body.Description === 'string') props.push(['description', lit(body.Description)])
    if (exportName !== undefined) props.push(['exportName', asString(exportName)])
    if (condition) props.push(['condition', v(condition)])
    declare('CfnOutput', id, props)
  }
}
