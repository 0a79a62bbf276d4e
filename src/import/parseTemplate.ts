/**
 * Template text → plain JSON value, with CloudFormation short-form tags (`!Ref`, `!Sub`, `!GetAtt`, …)
 * expanded to their long forms. Never throws: syntax problems come back as located diagnostics.
 *
 * Hardening: size cap before parsing, `maxDepth` and `maxAliases` in the YAML parser, and a node budget plus
 * depth cap while the parsed value is copied into fresh objects (so a `__proto__` key is a plain own key and
 * aliases cannot expand into millions of nodes downstream).
 */

import { defineMappingTag, defineScalarTag, defineSequenceTag, JSON_SCHEMA, load, YAMLException, type Schema } from 'js-yaml'
import type { Diagnostic } from '../model/diagnostics'
import type { Json } from '../model/types'

export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
export const MAX_TEMPLATE_NODES = 2_000_000
export const MAX_TEMPLATE_DEPTH = 64
const MAX_ALIASES = 1000

/** Short tag name → the long-form key it stands for. */
export const SHORT_TAGS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
}

/** Every intrinsic function key the importer accepts (long form). */
export const INTRINSIC_KEYS: ReadonlySet<string> = new Set([...Object.values(SHORT_TAGS), 'Fn::ForEach'])

function wrap(name: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([[SHORT_TAGS[name], value]])
}

function buildSchema(): Schema {
  const tags = Object.keys(SHORT_TAGS).flatMap((name) => [
    defineScalarTag(`!${name}`, {
      resolve: (source: string) => {
        if (name === 'GetAtt') {
          const dot = source.indexOf('.')
          return wrap(name, dot < 0 ? [source] : [source.slice(0, dot), source.slice(dot + 1)])
        }
        // `!GetAZs ''` and `!Ref x` keep the scalar text.
        return wrap(name, source)
      },
      identify: () => false,
    }),
    defineSequenceTag<unknown[], Record<string, unknown>>(`!${name}`, {
      create: () => [],
      addItem: (carrier, item) => {
        carrier.push(item)
      },
      finalize: (carrier) => wrap(name, carrier),
      identify: () => false,
    }),
    defineMappingTag<Map<unknown, unknown>, Record<string, unknown>>(`!${name}`, {
      create: () => new Map(),
      addPair: (carrier, key, value) => {
        if (typeof key !== 'string') return 'mapping keys must be strings'
        carrier.set(key, value)
        return ''
      },
      has: (carrier, key) => carrier.has(key),
      keys: (result) => Object.keys(result),
      get: (result, key) => (typeof key === 'string' ? result[key] : undefined),
      finalize: (carrier) => wrap(name, Object.fromEntries(carrier as Map<string, unknown>)),
      identify: () => false,
    }),
  ])
  return JSON_SCHEMA.withTags(...tags)
}

let schema: Schema | undefined
/** The js-yaml schema with every CloudFormation short tag (JSON_SCHEMA base: `yes`, `0123` stay strings). */
export function cfnSchema(): Schema {
  schema ??= buildSchema()
  return schema
}

export type ParseTemplateResult = { ok: true; value: Json; format: 'json' | 'yaml' } | { ok: false; errors: Diagnostic[] }

function error(code: string, message: string, line = 1, column = 1): Diagnostic {
  return { code, severity: 'error', message, range: { line, column } }
}

function byteLength(text: string): number {
  if (text.length * 3 <= MAX_TEMPLATE_BYTES) return text.length
  return new TextEncoder().encode(text).length
}

/** Line/column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/**
 * Copies a parsed value into fresh plain objects with a node budget and depth cap; returns a message when a
 * cap is hit. Iterative, so a hostile nesting depth cannot overflow the stack.
 */
export function copyJson(value: unknown): { ok: true; value: Json } | { ok: false; message: string } {
  let budget = MAX_TEMPLATE_NODES
  const walk = (v: unknown, depth: number): Json | undefined => {
    if (--budget < 0) return undefined
    if (depth > MAX_TEMPLATE_DEPTH) return undefined
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
    if (typeof v === 'number') return Number.isFinite(v) ? v : null
    if (Array.isArray(v)) {
      const out: Json[] = []
      for (const item of v) {
        const c = walk(item, depth + 1)
        if (c === undefined) return undefined
        out.push(c)
      }
      return out
    }
    if (typeof v === 'object') {
      const entries: [string, Json][] = []
      for (const key of Object.keys(v)) {
        const c = walk((v as Record<string, unknown>)[key], depth + 1)
        if (c === undefined) return undefined
        entries.push([key, c])
      }
      return Object.fromEntries(entries) as Json
    }
    return null
  }
  const out = walk(value, 0)
  if (out !== undefined) return { ok: true, value: out }
  if (budget < 0) return { ok: false, message: `the template expands to more than ${MAX_TEMPLATE_NODES.toLocaleString('en-US')} values (alias bomb?)` }
  return { ok: false, message: `the template nests deeper than ${MAX_TEMPLATE_DEPTH} levels` }
}

/** Parses CloudFormation JSON or YAML text. */
export function parseTemplateText(text: string): ParseTemplateResult {
  const size = byteLength(text)
  if (size > MAX_TEMPLATE_BYTES) {
    return {
      ok: false,
      errors: [error('IMP001', `The file is ${(size / 1024 / 1024).toFixed(1)} MB; templates are limited to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB.`)],
    }
  }
  if (!text.trim()) return { ok: false, errors: [error('IMP002', 'The file is empty; expected a CloudFormation template.')] }
  const trimmed = text.trimStart()
  let raw: unknown
  let format: 'json' | 'yaml' = 'yaml'
  if (trimmed.startsWith('{')) {
    // Fast path for JSON (CDK output); on failure YAML reports a located error below.
    try {
      raw = JSON.parse(text)
      format = 'json'
    } catch {
      raw = undefined
    }
  }
  if (raw === undefined) {
    try {
      raw = load(text, { schema: cfnSchema(), maxAliases: MAX_ALIASES, maxDepth: MAX_TEMPLATE_DEPTH })
    } catch (e) {
      return { ok: false, errors: [syntaxError(e, text, trimmed.startsWith('{'))] }
    }
  }
  const copied = copyJson(raw)
  if (!copied.ok) return { ok: false, errors: [error('IMP003', `The template cannot be imported: ${copied.message}.`)] }
  return { ok: true, value: copied.value, format }
}

function syntaxError(e: unknown, text: string, looksJson: boolean): Diagnostic {
  if (e instanceof YAMLException) {
    const detail = e as YAMLException & { reason?: string; mark?: { line: number; column: number; position?: number } }
    const reason = detail.reason ?? e.message
    const line = detail.mark ? detail.mark.line + 1 : 1
    const column = detail.mark ? detail.mark.column + 1 : 1
    const tag = /unknown (?:scalar |sequence |mapping )?tag !<?(!?[^>\s]+)>?/.exec(reason)
    if (tag) {
      return error('IMP004', `Unknown intrinsic function or tag ${tag[1]} at line ${line}, column ${column}.`, line, column)
    }
    if (/maxAliases|aliases exceeded/.test(reason)) {
      return error('IMP003', `The template uses more than ${MAX_ALIASES} YAML aliases (alias bomb?) at line ${line}, column ${column}.`, line, column)
    }
    if (/depth/i.test(reason)) {
      return error('IMP003', `The template nests deeper than ${MAX_TEMPLATE_DEPTH} levels at line ${line}, column ${column}.`, line, column)
    }
    const kind = looksJson ? 'JSON' : 'YAML'
    return error('IMP001', `Not valid ${kind}: ${reason} (line ${line}, column ${column}).`, line, column)
  }
  if (e instanceof RangeError) return error('IMP003', 'The template nests too deeply to be read.')
  const where = lineColumn(text, 0)
  return error('IMP001', `The file could not be read: ${e instanceof Error ? e.message : String(e)}`, where.line, where.column)
}

/**
 * Cheap guess whether a file is a CloudFormation template rather than a design file, for routing an opened
 * or dropped file to the import (a YAML template with short tags is not even valid YAML to the design parser).
 */
export function looksLikeTemplate(text: string): boolean {
  const head = text.slice(0, 200_000)
  if (/^\s*["']?format["']?\s*:\s*["']?socket-studio\/design/m.test(head)) return false
  return /(^|[\s{,"'])(AWSTemplateFormatVersion|Resources)["']?\s*:/m.test(head) && /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(head)
}
