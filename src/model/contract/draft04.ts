/**
 * JSON Schema draft 4, the dialect API Gateway validates message bodies with, through `ajv-draft-04` (we do not
 * write a validator). The ONE Ajv instance of the product: the design checks (is the schema draft 4?), the message
 * tester and the emulator's request validation (src/emulator/validation.ts) all compile through here, so a schema
 * the checks accept is the schema the tester and `serve` validate with. Compiled validators are cached by schema
 * text, so the checks can run on every edit. Ajv compiles schemas to functions, which needs `new Function` (a CSP
 * must allow it where this runs).
 *
 * "Is this schema draft 4?" is answered by the meta-schema validator Ajv generated ahead of time
 * (`__generated__/draft04MetaValidator.js`, written by scripts/generate-draft04-meta.mjs), not by
 * `ajv.validateSchema`, which compiles the whole meta-schema first: about 30 ms on every process start, a tenth of
 * a CLI call on the seed. Same function, same errors (draft04.test.ts).
 */

import Ajv from 'ajv-draft-04'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { Json } from '../types'
import validateDraft04Schema from './__generated__/draft04MetaValidator.js'

let ajv: Ajv | undefined
function instance(): Ajv {
  // strict off: API Gateway accepts unknown keywords (e.g. `example`) in models, as draft 4 says it should.
  ajv ??= new Ajv({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false })
  return ajv
}

export interface SchemaProblem {
  /** JSON pointer into the schema (`/properties/a/type`); '' for the whole schema. */
  path: string
  message: string
}

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; problems: SchemaProblem[] }
const cache = new Map<string, Compiled>()
const CACHE_LIMIT = 500

function compile(schema: Json): Compiled {
  const key = JSON.stringify(schema)
  const hit = cache.get(key)
  if (hit) return hit
  const a = instance()
  let out: Compiled
  // A schema that names another draft through $schema is still validated as draft 4: API Gateway does.
  const forMeta = isObject(schema) && '$schema' in schema ? withoutSchemaKeyword(schema) : schema
  if (!validateDraft04Schema(forMeta)) {
    out = { ok: false, problems: (validateDraft04Schema.errors ?? []).map((e) => ({ path: e.instancePath, message: describe(e) })) }
  } else {
    try {
      out = { ok: true, validate: a.compile(forMeta as object) }
    } catch (e) {
      out = { ok: false, problems: [{ path: '', message: e instanceof Error ? e.message : String(e) }] }
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, out)
  return out
}

/** Problems that make `schema` an invalid draft-4 schema (empty when it is valid). */
export function schemaProblems(schema: Json): SchemaProblem[] {
  if (!isObject(schema)) return [{ path: '', message: 'a model schema must be a JSON object' }]
  const c = compile(schema)
  return c.ok ? [] : c.problems
}

/** Why a value fails a schema: a JSON pointer into the value ('' for the root) and Ajv's message. */
export interface ValueProblem {
  path: string
  message: string
}

export type BodyValidator = { ok: true; validate: (value: unknown) => ValueProblem[] } | { ok: false; problems: SchemaProblem[] }

/** A validator for values against a draft-4 `schema`, or why the schema cannot validate anything. */
export function bodyValidator(schema: Json): BodyValidator {
  if (!isObject(schema)) return { ok: false, problems: [{ path: '', message: 'a model schema must be a JSON object' }] }
  const c = compile(schema)
  if (!c.ok) return c
  const v = c.validate
  return { ok: true, validate: (value) => (v(value) ? [] : (v.errors ?? []).map((e) => ({ path: e.instancePath, message: describe(e) }))) }
}

/** Ajv's message without the path (callers place the path where their format wants it). */
function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `must not have property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`
  return e.message ?? e.keyword
}

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function withoutSchemaKeyword(schema: Record<string, Json>): Record<string, Json> {
  const rest: Record<string, Json> = Object.create(null) as Record<string, Json>
  for (const [k, v] of Object.entries(schema)) if (k !== '$schema') rest[k] = v
  return { ...rest }
}
