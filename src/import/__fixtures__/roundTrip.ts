/**
 * Round-trip comparison for the import proofs (node-only test helper): is an exported template semantically
 * equal to the template that was imported, after mapping logical ids?
 *
 * Uses the export module's normalisation (`Fn::Join` with "" ≡ `Fn::Sub` ≡ plain text parts; `Metadata` ignored)
 * and adds:
 * - logical-id mapping: same id and type first, then resources of the same type whose bodies are equal once
 *   the references inside them are renamed by the mapping so far (repeated until nothing changes);
 * - a `Ref` to an API Gateway stage is replaced by the stage's literal name (that is what the Ref returns);
 * - `DependsOn` is not compared (it only orders creation; the CDK derives it from construct dependencies);
 * - an `AWS::IAM::Policy` whose `PolicyName` is its own logical id (how the CDK names default policies) is
 *   compared as "named after its logical id", since logical ids are mapped;
 * - a resource's Key/Value `Tags` list is compared sorted by key (CloudFormation treats it as a set; CDK sorts it);
 * - CloudFormation defaults written out or left out mean the same: a Route without `AuthorizationType` is
 *   `NONE`; a resource without `DeletionPolicy` / `UpdateReplacePolicy` is `Delete`;
 * - what the CDK (CLI) adds on every synth is dropped: `BootstrapVersion`, `CheckBootstrapVersion`, the
 *   `AWS::CDK::Metadata` resource and its `CDKMetadataAvailable` condition;
 * - verbatim sections (Parameters, Mappings, Outputs, Rules, Description, Conditions) must be identical, with
 *   references renamed by the mapping.
 */

import { load } from 'js-yaml'
import { normalizeTemplate, normalizeValue } from '../../export/__tests__/templateCompare'
import type { Json } from '../../model/types'
import { toPieces } from '../intrinsics'
import { cfnSchema } from '../parseTemplate'

type J = null | boolean | number | string | J[] | { [k: string]: J }
type Obj = { [k: string]: J }

const isObj = (v: J | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function loadTemplate(text: string): Obj {
  return JSON.parse(JSON.stringify(load(text, { schema: cfnSchema() }))) as Obj
}

function rename(value: J, map: Map<string, string>): J {
  if (Array.isArray(value)) return value.map((v) => rename(v, map))
  if (!isObj(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string') return { Ref: map.get(value.Ref) ?? value.Ref }
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt' && Array.isArray(value['Fn::GetAtt'])) {
    const [id, attr] = value['Fn::GetAtt'] as [string, string]
    return { 'Fn::GetAtt': [map.get(id) ?? id, attr] }
  }
  return Object.fromEntries(keys.map((k) => [k, rename(value[k], map)]))
}

/** Any string expression `toPieces` understands (Join with any delimiter, Sub with a variable map) → `Fn::Join ""`. */
function flattenStrings(value: J): J {
  if (Array.isArray(value)) return value.map(flattenStrings)
  if (!isObj(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && (keys[0] === 'Fn::Join' || keys[0] === 'Fn::Sub')) {
    const pieces = toPieces(value as Json)
    if (pieces) {
      return { 'Fn::Join': ['', pieces.map((p): J => (typeof p === 'string' ? p : 'ref' in p ? { Ref: p.ref } : { 'Fn::GetAtt': [p.getAtt, p.attribute] }))] }
    }
  }
  return Object.fromEntries(keys.map((k) => [k, flattenStrings(value[k])]))
}

/** `Ref` to an `AWS::ApiGatewayV2::Stage` is its stage name: written either way it is the same value. */
function stageRefsToNames(value: J, stageNames: Map<string, string>): J {
  if (Array.isArray(value)) return value.map((v) => stageRefsToNames(v, stageNames))
  if (!isObj(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string' && stageNames.has(value.Ref)) return stageNames.get(value.Ref)!
  return Object.fromEntries(keys.map((k) => [k, stageRefsToNames(value[k], stageNames)]))
}

function prepare(template: Obj): { resources: Record<string, Obj>; sections: Obj } {
  template = flattenStrings(template) as Obj
  const stageNames = new Map<string, string>()
  for (const [id, r] of Object.entries(isObj(template.Resources) ? template.Resources : {})) {
    if (isObj(r) && r.Type === 'AWS::ApiGatewayV2::Stage' && isObj(r.Properties) && typeof r.Properties.StageName === 'string') stageNames.set(id, r.Properties.StageName)
  }
  template = { ...template, Resources: stageRefsToNames(template.Resources ?? {}, stageNames) }
  const norm = normalizeTemplate(template) as { Resources: Record<string, Obj>; Conditions: J }
  const resources: Record<string, Obj> = {}
  for (const [id, r] of Object.entries(norm.Resources)) {
    if (r.Type === 'AWS::CDK::Metadata') continue
    const body: Obj = { ...r }
    delete body.DependsOn
    body.DeletionPolicy ??= 'Delete'
    body.UpdateReplacePolicy ??= 'Delete'
    // A policy named after its own logical id (the CDK convention) keeps that convention under the id mapping.
    if (r.Type === 'AWS::IAM::Policy' && isObj(body.Properties) && body.Properties.PolicyName === id) {
      body.Properties = { ...body.Properties, PolicyName: '<own logical id>' }
    }
    // A resource's Key/Value tags are a set to CloudFormation (keys are unique); CDK writes them sorted by key.
    if (isObj(body.Properties) && Array.isArray(body.Properties.Tags) && body.Properties.Tags.every((t) => isObj(t) && typeof t.Key === 'string')) {
      const tags = [...(body.Properties.Tags as Obj[])].sort((a, b) => (String(a.Key) < String(b.Key) ? -1 : String(a.Key) > String(b.Key) ? 1 : 0))
      body.Properties = { ...body.Properties, Tags: tags }
    }
    if (r.Type === 'AWS::ApiGatewayV2::Route') {
      const props = isObj(body.Properties) ? { ...body.Properties } : {}
      props.AuthorizationType ??= 'NONE'
      body.Properties = Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k]]))
    }
    resources[id] = Object.fromEntries(Object.keys(body).sort().map((k) => [k, body[k]]))
  }
  const sections: Obj = {}
  for (const name of ['Parameters', 'Mappings', 'Outputs', 'Rules', 'Conditions', 'Description', 'Transform']) {
    let v = template[name]
    if (v === undefined) continue
    if (isObj(v)) {
      v = Object.fromEntries(
        Object.entries(v).filter(([k, x]) => !(name === 'Parameters' && k === 'BootstrapVersion' && isObj(x) && String(x.Default).startsWith('/cdk-bootstrap/')) &&
          !(name === 'Rules' && k === 'CheckBootstrapVersion') && !(name === 'Conditions' && k === 'CDKMetadataAvailable')),
      )
      if (!Object.keys(v).length) continue
    }
    sections[name] = normalizeValue(v)
  }
  return { resources, sections }
}

export interface RoundTripReport {
  /** Original logical id → exported logical id. */
  mapping: Record<string, string>
  differences: string[]
}

/**
 * Compares `original` with `exported`. `only` limits the resource comparison to original resources whose
 * type passes the filter (and their exported counterparts); sections are always compared.
 */
export function compareRoundTrip(original: Obj, exported: Obj, only?: (type: string) => boolean): RoundTripReport {
  const a = prepare(original)
  const b = prepare(exported)
  const keep = (r: Obj) => !only || only(String(r.Type))
  const aIds = Object.keys(a.resources).filter((id) => keep(a.resources[id]))
  const bIds = Object.keys(b.resources).filter((id) => keep(b.resources[id]))
  const map = new Map<string, string>()
  const used = new Set<string>()
  for (const id of aIds) {
    if (b.resources[id] && b.resources[id].Type === a.resources[id].Type) {
      map.set(id, id)
      used.add(id)
    }
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const id of aIds) {
      if (map.has(id)) continue
      const body = JSON.stringify(rename(a.resources[id], map))
      const match = bIds.find((x) => !used.has(x) && b.resources[x].Type === a.resources[id].Type && JSON.stringify(b.resources[x]) === body)
      if (match) {
        map.set(id, match)
        used.add(match)
        changed = true
      }
    }
  }
  const differences: string[] = []
  for (const id of aIds) {
    const to = map.get(id)
    if (!to) {
      differences.push(`missing from the export: ${id} ${JSON.stringify(rename(a.resources[id], map))}`)
      continue
    }
    const x = JSON.stringify(rename(a.resources[id], map))
    const y = JSON.stringify(b.resources[to])
    if (x !== y) differences.push(`${id} → ${to} differs:\n  original: ${x}\n  exported: ${y}`)
  }
  for (const id of bIds) if (!used.has(id)) differences.push(`only in the export: ${id} ${JSON.stringify(b.resources[id])}`)
  for (const name of new Set([...Object.keys(a.sections), ...Object.keys(b.sections)])) {
    const x = JSON.stringify(rename(a.sections[name] ?? null, map))
    const y = JSON.stringify(b.sections[name] ?? null)
    if (x !== y) differences.push(`${name} differs:\n  original: ${x}\n  exported: ${y}`)
  }
  return { mapping: Object.fromEntries(map), differences }
}

/** API Gateway resources and the kinds of resources integrations point at (proof 2 compares only these). */
export function isApiOrTargetType(type: string): boolean {
  return type.startsWith('AWS::ApiGatewayV2::') || [
    'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Kinesis::Stream', 'AWS::Events::EventBus',
    'AWS::StepFunctions::StateMachine', 'AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Logs::LogGroup',
    'AWS::Lambda::Permission',
  ].includes(type)
}
