/** `AWS::ApiGatewayV2::Stage` and plain `Deployment`s → `design.stages`. */

import { escapeRefText } from '../model/refs'
import { LOGGING_LEVELS, type JsonObject, type RouteSettings, type Stage } from '../model/types'
import { constructIdFrom } from './cdkIds'
import type { ImportContext, ResourceEntry } from './context'
import { isObject } from './intrinsics'
import { assignDefined, Props } from './props'

export function mapStage(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const name = p.required('StageName', entry.logicalId)
  const constructId = constructIdFrom(entry.logicalId)
  const id = ctx.newId(name)
  const stage: Stage = { name, constructId }
  assignDefined(stage, {
    autoDeploy: p.bool('AutoDeploy'),
    description: p.str('Description'),
    stageVariables: p.strMap('StageVariables'),
    tags: p.strMap('Tags'),
  })
  const drs = p.raw('DefaultRouteSettings')
  if (isObject(drs)) {
    const s = routeSettings(ctx, drs)
    if (s) {
      p.take('DefaultRouteSettings')
      if (s.throttlingRateLimit !== undefined || s.throttlingBurstLimit !== undefined) {
        stage.throttle = assignDefined({}, { rateLimit: s.throttlingRateLimit, burstLimit: s.throttlingBurstLimit })
      }
      assignDefined(stage, { detailedMetricsEnabled: s.detailedMetricsEnabled, loggingLevel: s.loggingLevel, dataTraceEnabled: s.dataTraceEnabled })
    }
  }
  const rs = p.raw('RouteSettings')
  if (isObject(rs)) {
    const converted = Object.entries(rs).map(([k, v]) => [k, isObject(v) ? routeSettings(ctx, v) : undefined] as const)
    if (converted.every(([, v]) => v !== undefined)) {
      stage.routeSettings = Object.fromEntries(converted) as Record<string, RouteSettings>
      p.take('RouteSettings')
    }
  }
  const als = p.raw('AccessLogSettings')
  if (isObject(als) && Object.keys(als).every((k) => k === 'DestinationArn' || k === 'Format')) {
    const lg = ctx.getAttTarget(als.DestinationArn, 'Arn')
    const lgId = lg ? ctx.entityOf.get(lg) : undefined
    const format = als.Format
    if ((format === undefined || typeof format === 'string') && lgId && ctx.design.resources[lgId]?.type === 'log-group') {
      stage.accessLog = format === undefined ? { destination: { logGroup: lgId } } : { destination: { logGroup: lgId }, format }
      p.take('AccessLogSettings')
    } else if ((format === undefined || typeof format === 'string') && typeof als.DestinationArn === 'string') {
      const destination = { arn: escapeRefText(als.DestinationArn) }
      stage.accessLog = format === undefined ? { destination } : { destination, format }
      p.take('AccessLogSettings')
    }
  }
  // A Deployment the stage names by `DeploymentId` (the SAM and Serverless Framework shape) is not the one the
  // export writes (a Deployment with `StageName`): it stays verbatim under its own logical id, with its
  // Description and DependsOn, and the stage keeps `DeploymentId` (issue 9, item 14).
  ctx.keepExtra(stage, p, id)
  ctx.design.stages[id] = stage
  ctx.claim(entry.logicalId, id, 'stage')
}

/** The Deployment the export writes for a stage without auto-deploy: `ApiId` and `StageName`, nothing else to keep. */
export function isPlainDeployment(ctx: ImportContext, d: ResourceEntry): boolean {
  return Object.keys(d.props).every((k) => k === 'ApiId' || k === 'StageName') && ctx.refersTo(d.props.ApiId, ctx.apiLogicalId)
}

export function routeSettings(ctx: ImportContext, v: JsonObject): RouteSettings | undefined {
  const s: RouteSettings = {}
  for (const [k, x] of Object.entries(v)) {
    if (k === 'ThrottlingRateLimit' && typeof x === 'number') s.throttlingRateLimit = x
    else if (k === 'ThrottlingBurstLimit' && typeof x === 'number' && Number.isInteger(x)) s.throttlingBurstLimit = x
    else if (k === 'DetailedMetricsEnabled' && typeof x === 'boolean') s.detailedMetricsEnabled = x
    else if (k === 'DataTraceEnabled' && typeof x === 'boolean') s.dataTraceEnabled = x
    else if (k === 'LoggingLevel' && typeof x === 'string' && (LOGGING_LEVELS as readonly string[]).includes(x)) s.loggingLevel = x as RouteSettings['loggingLevel']
    else return undefined
  }
  return s
}

export function mapDeployments(ctx: ImportContext): void {
  for (const d of ctx.ofType('Deployment')) {
    if (ctx.consumed.has(d.logicalId)) continue
    const stageName = d.props.StageName
    const stageId = Object.keys(ctx.design.stages).find((id) => ctx.design.stages[id].name === stageName)
    const stage = stageId ? ctx.design.stages[stageId] : undefined
    if (stage && isPlainDeployment(ctx, d)) {
      stage.deployment = true
      ctx.generated(d.logicalId, `deployment of stage ${stage.name}`, stageId)
    }
  }
  for (const s of Object.values(ctx.design.stages)) if (!s.autoDeploy && s.deployment === undefined) s.deployment = false
}
