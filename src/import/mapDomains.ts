/** `AWS::ApiGatewayV2::DomainName` and `ApiMapping` → `design.domains` and a stage's `domainMapping`. */

import { escapeRefText } from '../model/refs'
import type { Design, EntityId } from '../model/types'
import { constructIdFrom } from './cdkIds'
import { APIGW, type ImportContext, type ResourceEntry } from './context'
import { isObject } from './intrinsics'
import { assignDefined, Props } from './props'

export function mapDomain(ctx: ImportContext, entry: ResourceEntry): EntityId {
  const p = new Props(entry.logicalId, entry.props)
  const domainName = p.required('DomainName', entry.logicalId)
  const constructId = constructIdFrom(entry.logicalId)
  const id = ctx.newId(constructId)
  const configs = p.raw('DomainNameConfigurations')
  const domain: Design['domains'][string] = { domainName, certificateArn: '', constructId }
  const config = Array.isArray(configs) && configs.length === 1 && isObject(configs[0]) ? configs[0] : undefined
  if (config && typeof config.CertificateArn === 'string' &&
    Object.keys(config).every((k) => ['CertificateArn', 'EndpointType', 'SecurityPolicy'].includes(k)) &&
    (config.EndpointType === undefined || config.EndpointType === 'REGIONAL') &&
    (config.SecurityPolicy === undefined || config.SecurityPolicy === 'TLS_1_2')) {
    domain.certificateArn = escapeRefText(config.CertificateArn)
    assignDefined(domain, { endpointType: config.EndpointType as 'REGIONAL' | undefined, securityPolicy: config.SecurityPolicy as 'TLS_1_2' | undefined })
    p.take('DomainNameConfigurations')
  }
  ctx.keepExtra(domain, p, id)
  ctx.design.domains[id] = domain
  ctx.claim(entry.logicalId, id, 'domain')
  return id
}

export function mapApiMapping(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  const domainRef = ctx.refTarget(p.raw('DomainName'))
  const domainEntry = domainRef ? ctx.resources.get(domainRef) : undefined
  const stageValue = p.raw('Stage')
  const stageRef = ctx.refTarget(stageValue)
  const stageId = stageRef
    ? ctx.entityOf.get(stageRef)
    : Object.entries(ctx.design.stages).find(([, s]) => s.name === stageValue)?.[0]
  const extraKeys = Object.keys(entry.props).filter((k) => !['ApiId', 'DomainName', 'Stage', 'ApiMappingKey'].includes(k))
  const key = p.raw('ApiMappingKey')
  if (!domainEntry || domainEntry.type !== `${APIGW}DomainName` || !stageId || !ctx.design.stages[stageId] ||
    ctx.design.stages[stageId].domainMapping || extraKeys.length || (key !== undefined && typeof key !== 'string')) {
    ctx.report('IMP021', 'info', `${entry.logicalId}: this API mapping cannot be modelled; kept verbatim.`, ['Resources', entry.logicalId], ctx.apiId)
    return
  }
  let domainId = ctx.entityOf.get(domainEntry.logicalId)
  if (!domainId) {
    ctx.guarded(domainEntry, () => {
      domainId = mapDomain(ctx, domainEntry)
    })
    if (!domainId) return
  }
  ctx.design.stages[stageId].domainMapping = typeof key === 'string' ? { domain: domainId, mappingKey: key } : { domain: domainId }
  ctx.claim(entry.logicalId, stageId, 'domain mapping of stage')
  ctx.entityOf.delete(entry.logicalId)
  // Its id embeds the stack name, so the export may change it: a verbatim DependsOn on it follows the stage's mapping.
  ctx.generatedBy.set(entry.logicalId, stageId)
}
