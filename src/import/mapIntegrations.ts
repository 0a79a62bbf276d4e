/** `AWS::ApiGatewayV2::Integration` and `IntegrationResponse` → `design.integrations`. */

import { escapeRefText } from '../model/refs'
import {
  CONNECTION_TYPES,
  CONTENT_HANDLING,
  HTTP_METHODS,
  PASSTHROUGH_BEHAVIORS,
  type Credentials,
  type EntityId,
  type Integration,
  type IntegrationResponse,
  type Json,
} from '../model/types'
import { constructIdFrom, humanPart } from './cdkIds'
import type { ImportContext, ResourceEntry } from './context'
import { isIntrinsic, isObject } from './intrinsics'
import { assignDefined, describe, Props, ResourceProblem } from './props'

const LAMBDA_URI = /^arn:(?:aws|@\{aws\.partition\}):apigateway:([^:]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/
const SERVICE_URI = /^arn:(aws|@\{aws\.partition\}):apigateway:([^:]+):(?:([a-z0-9-]+)\.)?([a-z0-9-]+):(action|path)\/(.*)$/s

export function importCredentials(ctx: ImportContext, value: Json | undefined): Credentials | undefined {
  if (value === undefined) return undefined
  if (value === 'arn:aws:iam::*:user/*') return { caller: true }
  if (typeof value === 'string') return { arn: escapeRefText(value) }
  const role = ctx.getAttTarget(value, 'Arn')
  const entity = role ? ctx.entityOf.get(role) : undefined
  if (entity && ctx.design.resources[entity]?.type === 'iam-role') return { role: entity }
  if (entity) return undefined
  // A role ARN written as an expression (`!Sub arn:aws:iam::${AWS::AccountId}:role/x`): design text when
  // every part is a design reference or pseudo parameter.
  const text = ctx.text(value)
  return text !== undefined ? { arn: text } : undefined
}

export function lambdaTarget(ctx: ImportContext, uri: string): EntityId | undefined {
  const m = LAMBDA_URI.exec(uri)
  if (!m) return undefined
  const fnRef = /^@\{([A-Za-z][A-Za-z0-9_-]*)\.arn\}$/.exec(m[2])
  if (fnRef && ctx.design.resources[fnRef[1]]) return fnRef[1]
  if (m[2].includes('@{')) return undefined
  const id = ctx.newId('existingFunction')
  ctx.design.resources[id] = { type: 'existing', kind: 'lambda-function', arn: m[2] }
  return id
}

export function lambdaUri(ctx: ImportContext, fn: EntityId): string {
  return `arn:@{aws.partition}:apigateway:@{aws.region}:lambda:path/2015-03-31/functions/@{${fn}.arn}/invocations`
}

export function mapIntegration(ctx: ImportContext, entry: ResourceEntry, firstRoute: ResourceEntry | undefined): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const cfnType = p.str('IntegrationType', true)
  const routeHuman = firstRoute ? humanPart(firstRoute.logicalId) : undefined
  const constructId = constructIdFrom(entry.logicalId, routeHuman)
  const id = ctx.newId(constructId)
  const uriValue = p.raw('IntegrationUri')
  const uri = uriValue === undefined ? undefined : ctx.text(uriValue)
  let integration: Integration
  switch (cfnType) {
    case 'AWS_PROXY':
    case 'AWS': {
      const fn = uri !== undefined ? lambdaTarget(ctx, uri) : undefined
      if (fn) {
        integration = { type: cfnType === 'AWS_PROXY' ? 'lambda-proxy' : 'lambda', target: fn }
        p.take('IntegrationUri')
        const target = ctx.design.resources[fn]
        const canonical = target.type === 'existing'
          ? `arn:@{aws.partition}:apigateway:@{aws.region}:lambda:path/2015-03-31/functions/${target.arn}/invocations`
          : lambdaUri(ctx, fn)
        if (uri !== canonical) integration.uri = uri
        break
      }
      integration = { type: cfnType === 'AWS_PROXY' ? 'lambda-proxy' : 'aws' }
      const m = uri !== undefined ? SERVICE_URI.exec(uri) : null
      if (m && cfnType === 'AWS') {
        const [, partition, region, subdomain, service, style, rest] = m
        integration.service = service
        if (style === 'action') integration.action = rest
        else integration.path = rest
        if (subdomain) integration.subdomain = subdomain
        if (region !== '@{aws.region}') integration.region = region
        if (partition !== '@{aws.partition}') integration.uri = uri
        p.take('IntegrationUri')
      } else if (uri !== undefined) {
        integration.uri = uri
        p.take('IntegrationUri')
      }
      break
    }
    case 'MOCK':
      integration = { type: 'mock' }
      if (uriValue === '' || uriValue === undefined) p.take('IntegrationUri')
      break
    case 'HTTP':
    case 'HTTP_PROXY':
      integration = { type: cfnType === 'HTTP' ? 'http' : 'http-proxy' }
      if (uri !== undefined) {
        integration.uri = uri
        p.take('IntegrationUri')
      }
      break
    default:
      throw new ResourceProblem(
        'IMP006',
        `${entry.logicalId}: IntegrationType must be AWS, AWS_PROXY, MOCK, HTTP or HTTP_PROXY, not ${describe(entry.props.IntegrationType)}.`,
        ['Resources', entry.logicalId, 'Properties', 'IntegrationType'],
      )
  }
  integration.constructId = constructId
  const credentials = importCredentials(ctx, p.raw('CredentialsArn'))
  if (credentials) {
    integration.credentials = credentials
    p.take('CredentialsArn')
  }
  assignDefined(integration, {
    method: p.enumOf('IntegrationMethod', HTTP_METHODS),
    description: p.str('Description'),
    passthroughBehavior: p.enumOf('PassthroughBehavior', PASSTHROUGH_BEHAVIORS),
    contentHandling: p.enumOf('ContentHandlingStrategy', CONTENT_HANDLING),
    requestParameters: p.strMap('RequestParameters'),
    templateSelectionExpression: p.str('TemplateSelectionExpression'),
    timeoutMs: p.num('TimeoutInMillis', true),
    connectionType: p.enumOf('ConnectionType', CONNECTION_TYPES),
    connectionId: p.str('ConnectionId'),
  })
  const templates = p.raw('RequestTemplates')
  if (isObject(templates)) {
    const converted = Object.entries(templates).map(([k, v]) => [k, ctx.text(v)] as const)
    if (converted.every(([, v]) => v !== undefined)) {
      integration.requestTemplates = Object.fromEntries(converted) as Record<string, string>
      p.take('RequestTemplates')
    }
  } else if (templates !== undefined && !isIntrinsic(templates)) {
    throw new ResourceProblem('IMP006', `${entry.logicalId}: Properties.RequestTemplates must be a mapping, not ${describe(templates)}.`, ['Resources', entry.logicalId, 'Properties', 'RequestTemplates'])
  }
  if (!integration.target && (integration.type === 'aws' || integration.type === 'lambda')) {
    integration.target = ctx.resourceRefs(uriValue)[0] ?? Object.values(isObject(templates) ? templates : {}).flatMap((t) => ctx.resourceRefs(t))[0]
    if (integration.target === undefined) delete integration.target
  }
  ctx.keepExtra(integration, p, id)
  ctx.design.integrations[id] = integration
  ctx.claim(entry.logicalId, id, 'integration')
}

export function mapIntegrationResponse(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const integ = ctx.refTarget(p.raw('IntegrationId'))
  const integrationId = integ ? ctx.entityOf.get(integ) : undefined
  if (!integrationId || !ctx.design.integrations[integrationId]) {
    throw new ResourceProblem('IMP006', `${entry.logicalId}: IntegrationId must be a Ref to an integration of the API.`, ['Resources', entry.logicalId, 'Properties', 'IntegrationId'])
  }
  p.take('IntegrationId')
  const key = p.required('IntegrationResponseKey', '$default')
  const response: IntegrationResponse = {}
  const templates = p.raw('ResponseTemplates')
  if (isObject(templates)) {
    const converted = Object.entries(templates).map(([k, v]) => [k, ctx.text(v)] as const)
    if (converted.every(([, v]) => v !== undefined)) {
      response.templates = Object.fromEntries(converted) as Record<string, string>
      p.take('ResponseTemplates')
    }
  }
  assignDefined(response, {
    templateSelectionExpression: p.str('TemplateSelectionExpression'),
    contentHandling: p.enumOf('ContentHandlingStrategy', CONTENT_HANDLING),
    responseParameters: p.strMap('ResponseParameters'),
  })
  ctx.keepExtra(response, p, integrationId)
  const integration = ctx.design.integrations[integrationId]
  integration.responses = { ...(integration.responses ?? {}), [key]: response }
  ctx.claim(entry.logicalId, integrationId, `integration response ${key} of`)
  ctx.entityOf.delete(entry.logicalId)
}
