/**
 * CloudFormation template (JSON or YAML, hand-written or synthesized by the CDK) → design document.
 *
 * Pipeline: parse (parseTemplate.ts) → check each resource (checkResources.ts) → pick the WebSocket API → map its
 * `AWS::ApiGatewayV2::*` resources and what integrations point at, one file per entity kind (map*.ts) →
 * recognise what the CDK generated (cdkGenerated.ts) → keep everything else verbatim (verbatim.ts). Shared state
 * and the intrinsic → design-reference vocabulary: context.ts. Nothing throws across this API.
 */

import type { Diagnostic } from '../model/diagnostics'
import { checkResources } from './checkResources'
import { recogniseGenerated } from './cdkGenerated'
import { API_TYPE, ImportContext, type ResourceEntry } from './context'
import { isObject } from './intrinsics'
import { mapApi } from './mapApi'
import { mapAuthorizer } from './mapAuthorizers'
import { mapApiMapping } from './mapDomains'
import { mapIntegration, mapIntegrationResponse } from './mapIntegrations'
import { mapModel } from './mapModels'
import { mapTarget, targetCandidates } from './mapResources'
import { mapRoute, targetIntegration } from './mapRoutes'
import { mapDeployments, mapStage } from './mapStages'
import { parseTemplateText } from './parseTemplate'
import { describe } from './props'
import type { ApiChoice, ImportOptions, ImportResult } from './types'
import { keepVerbatim } from './verbatim'
import { recordResourceOptions } from './resourceOptions'

export type { ApiChoice, ImportOptions, ImportResult, ImportSummary, SummaryItem } from './types'

function run(ctx: ImportContext): void {
  // Targets first, so URIs and templates can refer to them; roles before integrations use them.
  const targets = targetCandidates(ctx)
  const order = (t: string) => (t === 'AWS::IAM::Role' ? 1 : 0)
  for (const id of targets.sort((a, b) => order(ctx.resources.get(a)!.type) - order(ctx.resources.get(b)!.type))) {
    const entry = ctx.resources.get(id)
    if (entry && !ctx.consumed.has(id)) ctx.guarded(entry, () => mapTarget(ctx, entry))
  }
  const routes = ctx.ofType('Route')
  // The first route of each integration, found in one pass over the routes (not one per integration).
  const firstRoute = new Map<string, ResourceEntry>()
  for (const r of routes) {
    const target = targetIntegration(ctx, r.props.Target)
    if (target !== undefined && !firstRoute.has(target)) firstRoute.set(target, r)
  }
  for (const i of ctx.ofType('Integration')) ctx.guarded(i, () => mapIntegration(ctx, i, firstRoute.get(i.logicalId)))
  for (const r of ctx.ofType('IntegrationResponse')) ctx.guarded(r, () => mapIntegrationResponse(ctx, r))
  for (const a of ctx.ofType('Authorizer')) ctx.guarded(a, () => mapAuthorizer(ctx, a))
  const responses = ctx.ofType('RouteResponse')
  for (const r of routes) {
    ctx.guarded(r, () => mapRoute(ctx, r, responses.filter((x) => ctx.refersTo(x.props.RouteId, r.logicalId))))
  }
  for (const m of ctx.ofType('Model')) ctx.guarded(m, () => mapModel(ctx, m))
  for (const s of ctx.ofType('Stage')) ctx.guarded(s, () => mapStage(ctx, s))
  mapDeployments(ctx)
  for (const m of ctx.ofType('ApiMapping')) ctx.guarded(m, () => mapApiMapping(ctx, m))
  recogniseGenerated(ctx)
  keepVerbatim(ctx)
  recordResourceOptions(ctx)
}

// ------------------------------------------------------------------------------------------ entry points

type Prepared = { ok: true; importer: ImportContext; format: 'json' | 'yaml' } | { ok: false; errors: Diagnostic[] }

function prepare(text: string): Prepared {
  const parsed = parseTemplateText(text)
  if (!parsed.ok) return parsed
  const t = parsed.value
  if (!isObject(t)) {
    return { ok: false, errors: [{ code: 'IMP002', severity: 'error', message: `This is not a CloudFormation template: expected a mapping with "Resources", not ${describe(t)}.`, range: { line: 1, column: 1 } }] }
  }
  if (!isObject(t.Resources)) {
    const importer = new ImportContext(t, text)
    return {
      ok: false,
      errors: [{
        code: 'IMP002',
        severity: 'error',
        message: t.Resources === undefined
          ? 'This is not a CloudFormation template: it has no "Resources" section.'
          : `This is not a CloudFormation template: "Resources" must be a mapping, not ${describe(t.Resources)}.`,
        field: 'Resources',
        range: (t.Resources !== undefined ? importer.locate(['Resources']) : undefined) ?? { line: 1, column: 1 },
      }],
    }
  }
  const importer = new ImportContext(t, text)
  checkResources(importer)
  return { ok: true, importer, format: parsed.format }
}

/** The WebSocket APIs in a template (for the "which API?" question). */
export function listWebSocketApis(text: string): { ok: true; apis: ApiChoice[] } | { ok: false; errors: Diagnostic[] } {
  const prepared = prepare(text)
  if (!prepared.ok) return prepared
  return { ok: true, apis: prepared.importer.webSocketApis() }
}

/** Imports a template without layout (all positions empty); `importTemplate` adds the auto-layout. */
export function importTemplateSync(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importUnguarded(text, options)
  } catch (e) {
    // A bug must not take the caller down; report it as data.
    return { ok: false, errors: [{ code: 'IMP099', severity: 'error', message: `The import failed unexpectedly: ${e instanceof Error ? e.message : String(e)}` }] }
  }
}

function importUnguarded(text: string, options: ImportOptions): ImportResult {
  const prepared = prepare(text)
  if (!prepared.ok) return prepared
  const { importer } = prepared
  const apis = importer.webSocketApis()
  const otherApis = [...importer.resources.values()].filter((r) => r.type === API_TYPE && r.props.ProtocolType !== 'WEBSOCKET')
  // SAM's WebSocket API exists only before its transform runs (AWS SAM developer guide, "AWS::Serverless::WebSocketApi"
  // and its generated resources): the processed template holds the ApiGatewayV2 resources import reads.
  const samApis = [...importer.resources.values()].filter((r) => r.type === 'AWS::Serverless::WebSocketApi').map((r) => r.logicalId)
  const samHint = samApis.length
    ? `; ${samApis.join(', ')} ${samApis.length === 1 ? 'is an' : 'are'} AWS::Serverless::WebSocketApi, which the SAM transform turns into an AWS::ApiGatewayV2::Api with its stage, routes, integrations and permissions only at deploy time: import the processed template instead (\`aws cloudformation get-template --template-stage Processed\`, or the template \`sam deploy\` created)`
    : ''
  if (options.api !== undefined) {
    if (!apis.some((a) => a.logicalId === options.api)) {
      const skipped = importer.summary.skipped.find((s) => s.logicalId === options.api)
      return {
        ok: false,
        errors: [...(skipped ? importer.diagnostics : []), {
          code: 'IMP009',
          severity: 'error',
          message: skipped
            ? `The WebSocket API ${options.api} cannot be imported: ${skipped.detail}`
            : `The template has no WebSocket API with logical id "${options.api}"${apis.length ? `; it has ${apis.map((a) => a.logicalId).join(', ')}` : ''}.`,
        }],
        apiChoices: apis,
      }
    }
  } else if (apis.length === 0) {
    const skippedApis = importer.summary.skipped.filter((s) => s.type === API_TYPE)
    return {
      ok: false,
      errors: [...(skippedApis.length ? importer.diagnostics : []), {
        code: 'IMP007',
        severity: 'error',
        message: skippedApis.length
          ? `The template's WebSocket API ${skippedApis.map((s) => s.logicalId).join(', ')} cannot be imported (see above).`
          : `The template has no WebSocket API (no AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET)${otherApis.length ? `; ${otherApis.map((a) => a.logicalId).join(', ')} ${otherApis.length === 1 ? 'is an HTTP API' : 'are HTTP APIs'}` : ''}${samHint}.`,
        range: importer.locate(['Resources']) ?? { line: 1, column: 1 },
      }],
    }
  } else if (apis.length > 1) {
    return {
      ok: false,
      errors: [{
        code: 'IMP008',
        severity: 'error',
        message: `The template has ${apis.length} WebSocket APIs (${apis.map((a) => a.logicalId).join(', ')}); choose one (CLI: --api <logical id>).`,
      }],
      apiChoices: apis,
    }
  }
  const apiLogicalId = options.api ?? apis[0].logicalId
  importer.setApi(apiLogicalId)
  const apiEntry = importer.resources.get(apiLogicalId)!
  if (!importer.guarded(apiEntry, () => mapApi(importer, apiEntry))) return { ok: false, errors: importer.diagnostics.map((d) => ({ ...d, severity: 'error' as const })) }
  run(importer)
  return {
    ok: true,
    document: { design: importer.design, layout: {} },
    diagnostics: importer.diagnostics,
    summary: importer.summary,
    apiLogicalId,
    format: prepared.format,
  }
}