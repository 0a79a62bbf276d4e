/**
 * Preview values for the model's string references (`@{table.name}`, `@{queue.url}`, `@{aws.region}`):
 * the resource's physical name when the design sets one, else a name shaped like the one CloudFormation
 * would generate (`<api>-<Id>-<suffix>`), and ARNs/URLs built from it. Deterministic, so previews are stable.
 */

import { effectiveResourceType, physicalName as designedName } from '../model/queries'
import { parseRefs, substituteRefs, type StringRef } from '../model/refs'
import type { Design, Resource } from '../model/types'

export const PREVIEW_ACCOUNT = '123456789012'
export const PREVIEW_REGION = 'us-east-1'

/** The resource with this id: own properties only, so `@{constructor.name}` names no prototype member. */
function resourceOf(design: Design, id: string): Resource | undefined {
  return Object.hasOwn(design.resources, id) ? design.resources[id] : undefined
}

function physicalName(r: Resource): string | undefined {
  return designedName(r) ?? (r.type === 'existing' ? r.arn.split(/[:/]/).pop() : undefined)
}

/** Short stable suffix like CloudFormation's (upper-case letters and digits). */
function suffix(seed: string): string {
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  let out = ''
  let x = h >>> 0
  for (let i = 0; i < 12; i++) {
    out += alphabet[x % 36]
    x = Math.floor(x / 36) + ((h >>> (i % 16)) & 0xff) * 7 + i
  }
  return out
}

export function previewName(design: Design, id: string): string | undefined {
  const r = resourceOf(design, id)
  if (!r) return undefined
  const given = physicalName(r)
  if (given) return given
  const cid = r.constructId ?? id.charAt(0).toUpperCase() + id.slice(1)
  const fifo = (r.type === 'sqs-queue' || r.type === 'sns-topic') && r.fifo
  return `${design.api.name}-${cid}-${suffix(`${design.api.name}/${id}`)}${fifo ? '.fifo' : ''}`
}

export function previewArn(design: Design, id: string): string | undefined {
  const r = resourceOf(design, id)
  if (!r) return undefined
  if (r.type === 'existing') return r.arn
  if (r.type === 'iam-role' && r.existingArn) return r.existingArn
  const name = previewName(design, id)!
  const at = (service: string, rest: string) => `arn:aws:${service}:${PREVIEW_REGION}:${PREVIEW_ACCOUNT}:${rest}`
  switch (effectiveResourceType(r)) {
    case 'dynamodb-table':
      return at('dynamodb', `table/${name}`)
    case 'sqs-queue':
      return at('sqs', name)
    case 'sns-topic':
      return at('sns', name)
    case 'kinesis-stream':
      return at('kinesis', `stream/${name}`)
    case 'eventbridge-bus':
      return at('events', `event-bus/${name}`)
    case 'state-machine':
      return at('states', `stateMachine:${name}`)
    case 'lambda-function':
      return at('lambda', `function:${name}`)
    case 'iam-role':
      return `arn:aws:iam::${PREVIEW_ACCOUNT}:role/${name}`
    case 'log-group':
      return at('logs', `log-group:${name}`)
    default:
      return undefined
  }
}

/** The preview value of one reference, or undefined when the design cannot resolve it. */
export function previewRefValue(design: Design, ref: Pick<StringRef, 'entity' | 'attribute'>): string | undefined {
  if (ref.entity === 'aws') {
    const pseudo: Record<string, string> = {
      region: PREVIEW_REGION,
      accountId: PREVIEW_ACCOUNT,
      partition: 'aws',
      urlSuffix: 'amazonaws.com',
      stackName: design.api.constructId ?? design.api.name,
    }
    return Object.hasOwn(pseudo, ref.attribute) ? pseudo[ref.attribute] : undefined
  }
  const r = resourceOf(design, ref.entity)
  if (!r) return undefined
  switch (ref.attribute) {
    case 'name':
      return previewName(design, ref.entity)
    case 'arn':
      return previewArn(design, ref.entity)
    case 'url':
      if (r.type === 'existing' && r.url) return r.url
      return effectiveResourceType(r) === 'sqs-queue' ? `https://sqs.${PREVIEW_REGION}.amazonaws.com/${PREVIEW_ACCOUNT}/${previewName(design, ref.entity)}` : undefined
    default:
      return undefined
  }
}

/** Replaces every `@{entity.attribute}` with its preview value; unresolvable references stay as written. */
export function resolveTemplateRefs(text: string, design: Design): string {
  if (!text.includes('@{')) return text
  return substituteRefs(text, (r) => previewRefValue(design, r) ?? `@{${r.entity}.${r.attribute}}`)
}

/**
 * `resolveTemplateRefs` plus the way back: `toSource` turns an offset in the resolved text into the offset in the
 * template as written, so a JSON error found in the rendered output of `"@{table.name}"` lands on the line and
 * column the person typed (a preview name is longer than its placeholder). Offsets inside a substituted value
 * (or an unescaped `@@{`) map to its start.
 */
export function resolveTemplateRefsMapped(text: string, design: Design): { text: string; toSource(offset: number): number } {
  if (!text.includes('@{')) return { text, toSource: (o) => o }
  // Anchors in increasing `out`: from there on, output offset o is source offset src + (o - out), or src if fixed.
  const anchors: { out: number; src: number; fixed: boolean }[] = []
  let out = ''
  let src = 0
  const literal = (until: number) => {
    while (src < until) {
      const esc = text.indexOf('@@{', src)
      const stop = esc < 0 || esc >= until ? until : esc
      if (stop > src) {
        anchors.push({ out: out.length, src, fixed: false })
        out += text.slice(src, stop)
        src = stop
      }
      if (stop === esc) {
        anchors.push({ out: out.length, src, fixed: true })
        out += '@{'
        src += 3
      }
    }
  }
  for (const part of parseRefs(text)) {
    if (typeof part === 'string') continue
    literal(part.start)
    anchors.push({ out: out.length, src: part.start, fixed: true })
    out += previewRefValue(design, part) ?? `@{${part.entity}.${part.attribute}}`
    src = part.end
  }
  literal(text.length)
  anchors.push({ out: out.length, src: text.length, fixed: false })
  const toSource = (offset: number) => {
    let lo = 0
    let hi = anchors.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (anchors[mid].out <= offset) lo = mid
      else hi = mid - 1
    }
    const a = anchors[lo]
    return a.fixed ? a.src : Math.min(text.length, a.src + Math.max(0, offset - a.out))
  }
  return { text: out, toSource }
}
