/** Stages (`WebSocketStage` + L1 overrides), their deployments, custom domains and API mappings. */

import type { DomainName, Json, JsonObject, Stage } from '../../model/types'
import { bool, call, construct, lit, num, props, str, sym, THIS, v, type Code } from './code'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import { applyTags } from './tags'
import { pascalCase } from './names'
import { sanitizeConstructId } from './logicalIds'

export interface DomainInfo {
  id: string
  variable: string
  constructId: string
  logicalId: string
}

/** The access-log format the L2 would use; we write it out because we set access logs on the L1. */
export const DEFAULT_ACCESS_LOG_FORMAT =
  '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId'

const ROUTE_SETTING_KEYS: Record<string, string> = {
  throttlingRateLimit: 'ThrottlingRateLimit',
  throttlingBurstLimit: 'ThrottlingBurstLimit',
  detailedMetricsEnabled: 'DetailedMetricsEnabled',
  loggingLevel: 'LoggingLevel',
  dataTraceEnabled: 'DataTraceEnabled',
}

export function buildDomain(ctx: IrContext, id: string, d: DomainName): DomainInfo {
  const constructId = ctx.stackChildId(d.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, id, 'domain')
  const path = [constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  const certificateId = ctx.stackChildId(`${constructId}Certificate`)
  ctx.emitConst(
    id,
    variable,
    construct('apigwv2', 'DomainName', [THIS, lit(constructId)], props([
      ['domainName', lit(d.domainName)],
      ['certificate', call(sym('acm', 'Certificate'), 'fromCertificateArn', [THIS, lit(certificateId), str(ctx.text(d.certificateArn, id, 'certificateArn'))])],
      ['endpointType', d.endpointType ? sym('apigwv2', `EndpointType.${d.endpointType}`) : undefined],
      ['securityPolicy', d.securityPolicy ? sym('apigwv2', `SecurityPolicy.${d.securityPolicy}`) : undefined],
    ])),
  )
  const configuration: JsonObject = { CertificateArn: cfnValue(ctx.text(d.certificateArn, id, 'certificateArn')), EndpointType: d.endpointType ?? 'REGIONAL' }
  if (d.securityPolicy) configuration.SecurityPolicy = d.securityPolicy
  let cfn: JsonObject = { DomainName: d.domainName, DomainNameConfigurations: [configuration] }
  if (d.cfnExtra && Object.keys(d.cfnExtra).length) {
    const l1 = ctx.defaultChild(id, variable, v(variable), { module: 'apigwv2', name: 'CfnDomainName' }, variable)
    for (const [k, value] of Object.entries(d.cfnExtra)) ctx.emit(id, { k: 'expr', value: call(l1, 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
    cfn = deepMerge(cfn, d.cfnExtra)
  }
  ctx.addResource(id, path, 'AWS::ApiGatewayV2::DomainName', cfn)
  ctx.defineAttribute(id, 'name', [d.domainName])
  return { id, variable, constructId, logicalId }
}

export interface StageInfo {
  id: string
  variable: string
  constructPath: string[]
  needsDeployment: boolean
}

export function buildStage(ctx: IrContext, id: string, s: Stage, domains: Map<string, DomainInfo>): StageInfo {
  const api = ctx.api!
  const constructId = ctx.stackChildId(s.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, `${id} stage`, 'stage')
  const path = [constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  const text = (value: string, field: string) => ctx.text(value, id, field)
  const variables = s.stageVariables ? Object.entries(s.stageVariables).map(([k, val]) => [k, text(val, `stageVariables.${k}`)] as const) : undefined
  const domain = s.domainMapping ? domains.get(s.domainMapping.domain) : undefined
  if (s.domainMapping && !domain) ctx.error('EXP001', `Stage domain mapping names "${s.domainMapping.domain}", which is not a domain of this design.`, id, 'domainMapping.domain')
  const throttle = s.throttle && (s.throttle.rateLimit !== undefined || s.throttle.burstLimit !== undefined) ? s.throttle : undefined
  // Passed to the L2 only where the L2 writes it (see the DefaultRouteSettings override below).
  const metricsProp = s.detailedMetricsEnabled === true || (s.detailedMetricsEnabled === false && throttle !== undefined)

  ctx.emitConst(
    id,
    variable,
    construct('apigwv2', 'WebSocketStage', [THIS, lit(constructId)], props([
      ['webSocketApi', v(api.variable)],
      ['stageName', lit(s.name)],
      ['autoDeploy', s.autoDeploy !== undefined ? bool(s.autoDeploy) : undefined],
      ['description', s.description !== undefined ? str(text(s.description, 'description')) : undefined],
      ['throttle', throttle ? { k: 'struct', pyClass: { module: 'apigwv2', name: 'ThrottleSettings' }, props: props([
        ['rateLimit', throttle.rateLimit !== undefined ? num(throttle.rateLimit) : undefined],
        ['burstLimit', throttle.burstLimit !== undefined ? num(throttle.burstLimit) : undefined],
      ]) } : undefined],
      ['detailedMetricsEnabled', metricsProp ? bool(s.detailedMetricsEnabled!) : undefined],
      ['stageVariables', variables ? { k: 'map', entries: variables.map(([k, e]) => [k, str(e)]) } : undefined],
      ['domainMapping', domain ? { k: 'struct', pyClass: { module: 'apigwv2', name: 'DomainMappingOptions' }, props: props([
        ['domainName', v(domain.variable)],
        ['mappingKey', s.domainMapping?.mappingKey !== undefined ? lit(s.domainMapping.mappingKey) : undefined],
      ]) } : undefined],
    ])),
  )

  let cfn: JsonObject = { ApiId: ctx.apiRef(), StageName: s.name }
  if (s.autoDeploy !== undefined) cfn.AutoDeploy = s.autoDeploy
  if (s.description !== undefined) cfn.Description = cfnValue(text(s.description, 'description'))
  const defaults: JsonObject = {}
  if (s.detailedMetricsEnabled !== undefined) defaults.DetailedMetricsEnabled = s.detailedMetricsEnabled
  if (throttle?.burstLimit !== undefined) defaults.ThrottlingBurstLimit = throttle.burstLimit
  if (throttle?.rateLimit !== undefined) defaults.ThrottlingRateLimit = throttle.rateLimit
  if (Object.keys(defaults).length) cfn.DefaultRouteSettings = defaults
  if (variables) cfn.StageVariables = Object.fromEntries(variables.map(([k, e]) => [k, cfnValue(e)]))

  // What WebSocketStage has no props for goes on its CfnStage (aws-cdk#21935).
  const overrides: [string, Code, Json][] = []
  // WebSocketStage writes DefaultRouteSettings only when a throttle is set or detailed metrics are on: an explicit
  // `false` alone would vanish from the synthesized template, so it goes on the L1.
  if (s.detailedMetricsEnabled === false && !metricsProp) overrides.push(['DefaultRouteSettings.DetailedMetricsEnabled', bool(false), false])
  // WebSocketStage never sets RouteSettings: the L1 property takes it whole. An override would lose a route
  // keyed `constructor` or `prototype`, which CDK's override merge skips (core/lib/private/deep-merge.ts).
  let routeSettings: JsonObject | undefined
  if (s.loggingLevel) overrides.push(['DefaultRouteSettings.LoggingLevel', lit(s.loggingLevel), s.loggingLevel])
  if (s.dataTraceEnabled !== undefined) overrides.push(['DefaultRouteSettings.DataTraceEnabled', bool(s.dataTraceEnabled), s.dataTraceEnabled])
  if (s.routeSettings && Object.keys(s.routeSettings).length) {
    const value = Object.fromEntries(
      Object.entries(s.routeSettings).map(([key, settings]) => [
        key,
        Object.fromEntries(Object.entries(settings).filter(([, x]) => x !== undefined).map(([k, x]) => [ROUTE_SETTING_KEYS[k] ?? k, x as Json])),
      ]),
    )
    routeSettings = value
  }
  if (s.accessLog) {
    const destination = 'logGroup' in s.accessLog.destination ? text(`@{${s.accessLog.destination.logGroup}.arn}`, 'accessLog.destination') : text(s.accessLog.destination.arn, 'accessLog.destination')
    const format = s.accessLog.format ?? DEFAULT_ACCESS_LOG_FORMAT
    overrides.push([
      'AccessLogSettings',
      { k: 'map', entries: [['DestinationArn', str(destination)], ['Format', lit(format)]] },
      { DestinationArn: cfnValue(destination), Format: format },
    ])
  }
  for (const [k, value] of Object.entries(s.cfnExtra ?? {})) overrides.push([k, { k: 'json', value }, value])
  if (overrides.length || routeSettings) {
    ctx.emit(id, { k: 'comment', text: 'Stage settings WebSocketStage has no props for, set on its L1.' })
    const l1 = ctx.defaultChild(id, variable, v(variable), { module: 'apigwv2', name: 'CfnStage' }, variable)
    if (routeSettings) {
      ctx.emit(id, { k: 'assign', target: l1, prop: 'routeSettings', value: { k: 'json', value: routeSettings } })
      cfn = { ...cfn, RouteSettings: routeSettings }
    }
    for (const [k, code, json] of overrides) {
      ctx.emit(id, { k: 'expr', value: call(l1, 'addPropertyOverride', [lit(k), code]) })
      cfn = deepMerge(cfn, setPath(k, json))
    }
  }
  cfn = applyTags(ctx, id, v(variable), cfn, s.tags)
  const stageResource = ctx.addResource(id, path, 'AWS::ApiGatewayV2::Stage', cfn)

  if (domain) {
    // CDK names the mapping after the domain construct's path and the key (`undefined` when there is none).
    const mappingId = sanitizeConstructId(`${ctx.stackName}/${domain.constructId}${s.domainMapping?.mappingKey ?? 'undefined'}`)
    const mapping: JsonObject = { ApiId: ctx.apiRef(), DomainName: { Ref: domain.logicalId }, Stage: s.name }
    if (s.domainMapping?.mappingKey !== undefined) mapping.ApiMappingKey = s.domainMapping.mappingKey
    stageResource.dependsOn = [domain.logicalId]
    ctx.addResource(id, [constructId, mappingId, 'Resource'], 'AWS::ApiGatewayV2::ApiMapping', mapping, { dependsOn: [domain.logicalId, logicalId] })
  }
  return { id, variable, constructPath: [constructId], needsDeployment: s.autoDeploy !== true && s.deployment !== false }
}

/** `@{stage.name}` is the literal name; `@{stage.url}` the wss:// URL CDK's `stage.url` also builds. */
export function defineStageAttributes(ctx: IrContext, id: string, name: string): void {
  ctx.defineAttribute(id, 'name', [name])
  ctx.defineAttribute(id, 'url', ['wss://', ...ctx.text('@{api.id}', id, 'url'), '.execute-api.', { kind: 'pseudo', name: 'region' }, '.', { kind: 'pseudo', name: 'urlSuffix' }, `/${name}`])
}

/** `'A.B'`, value → `{A: {B: value}}` (what addPropertyOverride does with a dotted path). */
function setPath(path: string, value: Json): JsonObject {
  const keys = path.split('.')
  let out: Json = value
  for (let i = keys.length - 1; i >= 0; i--) out = { [keys[i]]: out }
  return out as JsonObject
}
