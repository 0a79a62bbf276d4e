/**
 * testMessage: what happens to one client message, end to end — the data of the "message tester" panel and
 * of `cli route`. Route selection → integration → template selection → render (with preview values for
 * `@{…}` references) → checks of that template against this very message.
 */

import type { Diagnostic } from '../model/diagnostics'
import { routeByKey, ownEntry } from '../model/queries'
import type { Design, EntityId } from '../model/types'
import type { RequestParams } from './input'
import { resolveTemplateRefs } from './refValues'
import { renderTemplate, type RenderInput } from './render'
import { selectRoute, selectTemplate, type TemplateSelection } from './selection'
import { validateTemplate } from './validate'

export interface TestMessageInput {
  message: string
  /** Skip route selection and use this route (e.g. `$connect`, which messages never select). */
  routeKey?: string
  context?: Record<string, unknown>
  stageVariables?: Record<string, string>
  params?: RequestParams
}

export interface TestMessageResult {
  route?: { id: EntityId; key: string; reason: string }
  integrationId?: EntityId
  template?: TemplateSelection
  /** The integration request body API Gateway would send (rendered or passed through). */
  request?: { body: string; pretty: string; isJson: boolean }
  diagnostics: Diagnostic[]
}

function pretty(body: string): { pretty: string; isJson: boolean } {
  try {
    return { pretty: JSON.stringify(JSON.parse(body), null, 2), isJson: true }
  } catch {
    return { pretty: body, isJson: false }
  }
}

/**
 * README.md "Null handling": stock Velocity 1.7 is implemented; whether API Gateway installs the "empty string for
 * null" handler is not settled by any recording. Render again under that hypothesis and, when this message's output
 * differs, say so with both outputs' first difference (VTL031, info).
 */
export function nullHandlingNote(text: string, input: RenderInput, stockOutput: string): Diagnostic | undefined {
  const other = renderTemplate(text, { ...input, nullAsEmpty: true })
  if (!other.ok || other.output === stockOutput) return undefined
  let at = 0
  while (at < stockOutput.length && stockOutput[at] === other.output[at]) at++
  const excerpt = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 20), at + 40))
  return {
    code: 'VTL031',
    severity: 'info',
    message: `this output depends on how API Gateway treats null references, which no AWS recording settles: shown as stock Velocity 1.7 (a null reference stays null in #if and #set); if API Gateway turns nulls into "" it would read ${excerpt(other.output)} instead of ${excerpt(stockOutput)}`,
  }
}

export function testMessage(design: Design, input: TestMessageInput): TestMessageResult {
  const diagnostics: Diagnostic[] = []
  let route: TestMessageResult['route']
  if (input.routeKey !== undefined) {
    const hit = routeByKey(design, input.routeKey)
    if (!hit) return { diagnostics: [{ code: 'VTL026', severity: 'error', message: `the design has no route ${JSON.stringify(input.routeKey)}` }] }
    route = { id: hit[0], key: hit[1].key, reason: 'route given explicitly' }
  } else {
    const sel = selectRoute(design, input.message)
    if (!sel.ok) return { diagnostics: [sel.error] }
    route = { id: sel.routeId, key: sel.routeKey, reason: sel.reason }
  }
  const integrationId = design.routes[route.id].integration
  const integration = ownEntry(design.integrations, integrationId)
  if (!integrationId || !integration) {
    const message = integrationId
      ? `route ${route.key} names integration ${JSON.stringify(integrationId)}, which the design does not have (MDL029): the message goes nowhere`
      : `route ${route.key} has no integration: API Gateway accepts the message and does nothing`
    diagnostics.push({ code: 'VTL025', severity: 'info', message, entity: route.id, ...(integrationId ? { field: 'integration' } : {}) })
    return { route, diagnostics }
  }
  const template = selectTemplate(integration, input.message)
  const stage = Object.values(design.stages)[0]
  const stageVariables = input.stageVariables ?? stage?.stageVariables ?? {}
  const context = { stage: stage?.name ?? 'dev', ...(input.context ?? {}), routeKey: route.key }
  const message = input.message
  let request: TestMessageResult['request']
  if (template.kind === 'template') {
    const text = resolveTemplateRefs(template.template, design)
    const rendered = renderTemplate(text, { body: message, context, stageVariables, params: input.params, routeKey: route.key })
    if (rendered.ok) {
      request = { body: rendered.output, ...pretty(rendered.output) }
      const open = nullHandlingNote(text, { body: message, context, stageVariables, params: input.params, routeKey: route.key }, rendered.output)
      if (open) diagnostics.push({ ...open, entity: integrationId, field: `requestTemplates.${template.key}` })
    }
    const allStageVars = Object.assign({}, ...Object.values(design.stages).map((s) => s.stageVariables ?? {}), stageVariables) as Record<string, string>
    const field = `requestTemplates.${template.key}`
    for (const d of validateTemplate(template.template, {
      routeKey: route.key,
      contentType: template.key,
      integrationType: integration.type,
      service: integration.service,
      action: integration.action,
      templateSelectionExpression: integration.templateSelectionExpression,
      templateKeys: Object.keys(integration.requestTemplates ?? {}),
      templateKey: template.key,
      sampleMessage: message,
      stageVariables: allStageVars,
      requestParameters: integration.requestParameters,
      context,
      design,
    }))
      diagnostics.push({ ...d, entity: integrationId, field: d.field ?? field })
  } else if (template.kind === 'passthrough' || template.kind === 'none') {
    request = { body: input.message, ...pretty(input.message) }
  }
  return { route, integrationId, template, request, diagnostics }
}
