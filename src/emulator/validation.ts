/**
 * Request validation against the route's models (AWS docs, "Request validation for WebSocket APIs"): the route's
 * `modelSelectionExpression` picks a key of `requestModels` (no expression: `$default`); no match falls back to
 * `$default`; "If there is no matching model and $default isn't defined, the validation fails". Models are JSON
 * Schema draft 4, validated with ajv-draft-04. Compiled schemas are cached per model text.
 */

import Ajv from 'ajv-draft-04'
import type { ValidateFunction } from 'ajv'
import type { Design, Route } from '../model/types'
import { evaluateExpression, parseBody } from '../vtl/selection'

export type ValidationOutcome = { checked: false } | { checked: true; ok: true; model: string; key: string } | { checked: true; ok: false; model?: string; key?: string; errors: string[] }

const cache = new Map<string, ValidateFunction | string>()
let ajv: Ajv | undefined

function compile(schema: unknown): ValidateFunction | string {
  const text = JSON.stringify(schema)
  const hit = cache.get(text)
  if (hit) return hit
  ajv ??= new Ajv({ allErrors: true, strict: false })
  let v: ValidateFunction | string
  try {
    v = ajv.compile(schema as object)
  } catch (e) {
    v = `the model's schema does not compile: ${e instanceof Error ? e.message : String(e)}`
  }
  if (cache.size > 500) cache.clear()
  cache.set(text, v)
  return v
}

export function validateBody(design: Design, route: Route, body: string): ValidationOutcome {
  const models = route.requestModels
  if (!models || !Object.keys(models).length) return { checked: false }
  const parsed = parseBody(body)
  const key = route.modelSelectionExpression ? evaluateExpression(route.modelSelectionExpression, parsed.ok ? parsed.value : undefined) : '$default'
  const chosen = Object.prototype.hasOwnProperty.call(models, key) ? key : Object.prototype.hasOwnProperty.call(models, '$default') ? '$default' : undefined
  if (chosen === undefined) return { checked: true, ok: false, key, errors: [`no model for ${JSON.stringify(key)} and no $default model`] }
  const name = models[chosen]
  const model = Object.values(design.models).find((m) => m.name === name) ?? design.models[name]
  if (!model) return { checked: true, ok: false, key: chosen, model: name, errors: [`the route names model ${JSON.stringify(name)}, which the design does not have`] }
  if (!parsed.ok) return { checked: true, ok: false, key: chosen, model: name, errors: ['the message is not JSON'] }
  const v = compile(model.schema)
  if (typeof v === 'string') return { checked: true, ok: false, key: chosen, model: name, errors: [v] }
  if (v(parsed.value)) return { checked: true, ok: true, key: chosen, model: name }
  return { checked: true, ok: false, key: chosen, model: name, errors: (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`) }
}
