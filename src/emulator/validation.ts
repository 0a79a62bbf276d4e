/**
 * Request validation against the route's models (AWS docs, "Request validation for WebSocket APIs"): the route's
 * `modelSelectionExpression` picks a key of `requestModels` (no expression: `$default`); no match falls back to
 * `$default`; "If there is no matching model and $default isn't defined, the validation fails". Models are JSON
 * Schema draft 4, compiled by the product's one ajv-draft-04 instance (src/model/contract/draft04.ts), which the
 * design checks and the message tester use too.
 */

import { ownEntry } from '../model/queries'
import { bodyValidator } from '../model/contract/draft04'
import type { Design, Route } from '../model/types'
import { evaluateExpression, parseBody } from '../vtl/selection'

export type ValidationOutcome = { checked: false } | { checked: true; ok: true; model: string; key: string } | { checked: true; ok: false; model?: string; key?: string; errors: string[] }

export function validateBody(design: Design, route: Route, body: string): ValidationOutcome {
  const models = route.requestModels
  if (!models || !Object.keys(models).length) return { checked: false }
  const parsed = parseBody(body)
  const key = route.modelSelectionExpression ? evaluateExpression(route.modelSelectionExpression, parsed.ok ? parsed.value : undefined) : '$default'
  const chosen = Object.prototype.hasOwnProperty.call(models, key) ? key : Object.prototype.hasOwnProperty.call(models, '$default') ? '$default' : undefined
  if (chosen === undefined) return { checked: true, ok: false, key, errors: [`no model for ${JSON.stringify(key)} and no $default model`] }
  const name = models[chosen]
  const model = Object.values(design.models).find((m) => m.name === name) ?? ownEntry(design.models, name)
  if (!model) return { checked: true, ok: false, key: chosen, model: name, errors: [`the route names model ${JSON.stringify(name)}, which the design does not have`] }
  if (!parsed.ok) return { checked: true, ok: false, key: chosen, model: name, errors: ['the message is not JSON'] }
  const v = bodyValidator(model.schema)
  if (!v.ok) return { checked: true, ok: false, key: chosen, model: name, errors: v.problems.map((p) => `the model's schema does not compile: ${p.path ? `${p.path} ` : ''}${p.message}`) }
  const problems = v.validate(parsed.value)
  if (!problems.length) return { checked: true, ok: true, key: chosen, model: name }
  return { checked: true, ok: false, key: chosen, model: name, errors: problems.map((p) => `${p.path || '(root)'} ${p.message}`) }
}
