/**
 * References embedded in strings: `@{<entityId>.<attribute>}`.
 *
 * A request template such as `{"TableName": "@{table.name}", …}` keeps a live link to the table entity, so
 * the CloudFormation exporter can write `Fn::Sub`, the CDK exporters `${table.tableName}`, and the import can
 * turn an `Fn::Sub`/`Fn::Join` back into the same text. `@` was chosen because `${…}` already means something
 * in VTL, CloudFormation `Fn::Sub` and TypeScript template literals. `@@{` writes a literal `@{`.
 *
 * The reserved entity id `aws` names the stack's pseudo parameters: `@{aws.region}`, `@{aws.accountId}`,
 * `@{aws.partition}`, `@{aws.urlSuffix}`, `@{aws.stackName}`.
 */

import type { EntityId } from './types'

export interface StringRef {
  entity: EntityId
  attribute: string
  /** Offsets of the whole `@{…}` token in the source string. */
  start: number
  end: number
}

export type RefPart = string | StringRef

export const PSEUDO_ENTITY = 'aws'
export const PSEUDO_ATTRIBUTES = ['region', 'accountId', 'partition', 'urlSuffix', 'stackName'] as const
export type PseudoAttribute = (typeof PSEUDO_ATTRIBUTES)[number]

const REF_TOKEN = /@@\{|@\{([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z][A-Za-z0-9]*)\}/g

/** Splits a string into literal text and references; `@@{` becomes the literal `@{`. */
export function parseRefs(text: string): RefPart[] {
  const parts: RefPart[] = []
  let literal = ''
  let last = 0
  REF_TOKEN.lastIndex = 0
  for (let m = REF_TOKEN.exec(text); m; m = REF_TOKEN.exec(text)) {
    literal += text.slice(last, m.index)
    last = m.index + m[0].length
    if (m[0] === '@@{') {
      literal += '@{'
      continue
    }
    if (literal) parts.push(literal)
    literal = ''
    parts.push({ entity: m[1], attribute: m[2], start: m.index, end: last })
  }
  literal += text.slice(last)
  if (literal) parts.push(literal)
  return parts
}

/** True when the string holds at least one reference. */
export function hasRefs(text: string): boolean {
  return parseRefs(text).some((p) => typeof p !== 'string')
}

/** All references in a string. */
export function refsIn(text: string): StringRef[] {
  return parseRefs(text).filter((p): p is StringRef => typeof p !== 'string')
}

/** Escapes literal text so it reads back unchanged (`@{` → `@@{`). */
export function escapeRefText(literal: string): string {
  return literal.replaceAll('@{', '@@{')
}

/** Builds the string form of parts (inverse of parseRefs). */
export function formatRefs(parts: readonly RefPart[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? escapeRefText(p) : `@{${p.entity}.${p.attribute}}`))
    .join('')
}

export function ref(entity: EntityId, attribute: string): string {
  return `@{${entity}.${attribute}}`
}

/** Replaces every reference with `resolve(ref)`; literal text is unescaped. */
export function substituteRefs(text: string, resolve: (r: StringRef) => string): string {
  return parseRefs(text)
    .map((p) => (typeof p === 'string' ? p : resolve(p)))
    .join('')
}
