/**
 * Integrations before they are bound to a route: the L2 object (`WebSocketAwsIntegration`,
 * `WebSocketLambdaIntegration`, `WebSocketMockIntegration`) or, for HTTP types that have no L2
 * (aws-cdk#29562), a `CfnIntegration`. CDK creates an L2 integration's resource under the first route that
 * uses it, so the CloudFormation properties are kept here and placed by buildRoutes.
 */

import { CFN_INTEGRATION_TYPE, type Integration, type Json, type JsonObject } from '../../model/types'
import { call, construct, lit, member, num, props, str, sym, THIS, v, type Code, type Props } from './code'
import { cfnMap, cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import type { Expr } from './expr'
import { functionRef, type FunctionRef } from './functions'
import { keptInvokePermission } from '../../model/permissions'
import { valueCode } from './intrinsicCode'
import { pascalCase } from './names'
import { templateCode } from './jsonTemplate'
import { sanitizeConstructId } from './logicalIds'

export type IntegrationStyle = 'aws' | 'lambda-proxy' | 'mock' | 'l1'

export interface IntegrationInfo {
  id: string
  style: IntegrationStyle
  constructId: string
  variable: string
  /** CloudFormation properties other than `ApiId`, including overrides and `cfnExtra`. */
  cfn: JsonObject
  /** Properties the L2 cannot take (CloudFormation name → code): `addPropertyOverride` after the first bind. */
  overrides: Props
  handler?: FunctionRef
  /** Set when bound: logical id and the code that reaches the `WebSocketIntegration` construct. */
  logicalId?: string
  /** Variable holding the bound `WebSocketIntegration` (L2) once declared. */
  boundVariable?: string
}

const CALLER_ARN = 'arn:aws:iam::*:user/*'

function expr(ctx: IrContext, id: string, value: string, field: string): Expr {
  return ctx.text(value, id, field)
}

/** The integration URI the design implies (explicit `uri` wins). */
function integrationUri(ctx: IrContext, id: string, i: Integration, handler: FunctionRef | undefined): Expr | undefined {
  if (i.uri !== undefined) return expr(ctx, id, i.uri, 'uri')
  const region: Expr = i.region !== undefined ? expr(ctx, id, i.region, 'region') : [{ kind: 'pseudo', name: 'region' }]
  const head: Expr = ['arn:', { kind: 'pseudo', name: 'partition' }, ':apigateway:', ...region, ':']
  if (i.type === 'lambda' || i.type === 'lambda-proxy') {
    if (!handler) return undefined
    return [...head, 'lambda:path/2015-03-31/functions/', ...handler.arn, '/invocations']
  }
  if (i.type !== 'aws') return undefined
  const service = `${i.subdomain ? `${i.subdomain}.` : ''}${i.service ?? ''}`
  if (i.action !== undefined && i.path === undefined) return [...head, `${service}:action/${i.action}`]
  if (i.path !== undefined) return [...head, `${service}:path/`, ...expr(ctx, id, i.path, 'path')]
  ctx.error('EXP007', 'An AWS integration needs a uri, or a service with an action or a path.', id, 'uri')
  return undefined
}

function credentials(ctx: IrContext, id: string, i: Integration, constructId: string): { role?: Code; arn?: Expr } {
  const c = i.credentials
  if (!c) return {}
  if ('caller' in c) return { arn: [CALLER_ARN] }
  if ('arn' in c) {
    const arn = expr(ctx, id, c.arn, 'credentials.arn')
    const role = call(sym('iam', 'Role'), 'fromRoleArn', [THIS, lit(ctx.stackChildId(`${constructId}Credentials`)), str(arn)], [['mutable', { k: 'bool', value: false }]])
    return { role, arn }
  }
  return { role: v(ctx.varOf(c.role)), arn: ctx.text(`@{${c.role}.arn}`, id, 'credentials.role') }
}

/**
 * A Lambda integration whose invocation URI stayed CloudFormation (it names a function the design does not
 * model, such as a SAM `AWS::Serverless::Function` kept verbatim). `WebSocketLambdaIntegration` needs an
 * IFunction, so it is a `CfnIntegration` with the URI as its CDK expression; the template that owns the
 * function owns its invoke permission too (SAM's `AWS::Lambda::Permission` stays verbatim), so none is added.
 */
function verbatimLambdaUri(i: Integration): Json | undefined {
  const lambda = i.type === 'lambda' || i.type === 'lambda-proxy'
  return lambda && !i.target && i.uri === undefined ? i.cfnExtra?.IntegrationUri : undefined
}

export function buildIntegration(ctx: IrContext, id: string, i: Integration): IntegrationInfo | undefined {
  const verbatimUri = verbatimLambdaUri(i)
  // `WebSocketLambdaIntegration` adds a permission per route on bind; when the template already holds one
  // that covers every route (the Serverless Framework's), the integration is a `CfnIntegration` and adds none.
  const keptPermission = i.type === 'lambda-proxy' && i.target !== undefined && keptInvokePermission(ctx.design, i.target) !== undefined
  const style: IntegrationStyle =
    i.type === 'http' || i.type === 'http-proxy' || verbatimUri !== undefined || keptPermission ? 'l1' : i.type === 'lambda-proxy' ? 'lambda-proxy' : i.type === 'mock' ? 'mock' : 'aws'
  const preferredId = sanitizeConstructId(i.constructId ?? pascalCase(id))
  const constructId = style === 'l1' ? ctx.stackChildId(preferredId) : preferredId
  const variable = ctx.declareVar(id, id, 'integration')
  const handler = (i.type === 'lambda' || i.type === 'lambda-proxy') && verbatimUri === undefined
    ? i.target ? functionRef(ctx, i.target, id, 'target') : (ctx.error('EXP006', 'A Lambda integration needs a target function.', id, 'target'), undefined)
    : undefined
  const uri = integrationUri(ctx, id, i, handler)
  const creds = credentials(ctx, id, i, constructId)
  const templates = i.requestTemplates ? Object.entries(i.requestTemplates).map(([k, t]) => [k, expr(ctx, id, t, `requestTemplates.${k}`)] as [string, Expr]) : undefined
  const parameters = i.requestParameters ? Object.entries(i.requestParameters).map(([k, p]) => [k, expr(ctx, id, p, `requestParameters.${k}`)] as [string, Expr]) : undefined
  const method = i.method ?? (style === 'aws' ? 'POST' : undefined)

  // Everything CloudFormation gets, in CloudFormation names.
  const all: JsonObject = { IntegrationType: CFN_INTEGRATION_TYPE[i.type] }
  if (style === 'mock') all.IntegrationUri = ''
  if (uri) all.IntegrationUri = cfnValue(uri)
  if (verbatimUri !== undefined) all.IntegrationUri = verbatimUri
  if (method !== undefined) all.IntegrationMethod = method
  if (creds.arn) all.CredentialsArn = cfnValue(creds.arn)
  if (templates) all.RequestTemplates = cfnMap(templates)
  if (parameters) all.RequestParameters = cfnMap(parameters)
  if (i.templateSelectionExpression !== undefined) all.TemplateSelectionExpression = i.templateSelectionExpression
  if (i.passthroughBehavior) all.PassthroughBehavior = i.passthroughBehavior
  if (i.contentHandling) all.ContentHandlingStrategy = i.contentHandling
  if (i.timeoutMs !== undefined) all.TimeoutInMillis = i.timeoutMs
  if (i.description !== undefined) all.Description = cfnValue(expr(ctx, id, i.description, 'description'))
  if (i.connectionType) all.ConnectionType = i.connectionType
  if (i.connectionId !== undefined) all.ConnectionId = cfnValue(expr(ctx, id, i.connectionId, 'connectionId'))

  const code = {
    uri: uri ? str(uri) : verbatimUri !== undefined ? valueCode(verbatimUri, 'string') : undefined,
    templates: templates ? ({ k: 'map', entries: templates.map(([k, e]) => [k, templateCode(e)]) } as Code) : undefined,
    parameters: parameters ? ({ k: 'map', entries: parameters.map(([k, e]) => [k, str(e)]) } as Code) : undefined,
    selection: i.templateSelectionExpression !== undefined ? lit(i.templateSelectionExpression) : undefined,
    passthrough: i.passthroughBehavior ? sym('apigwv2', `PassthroughBehavior.${i.passthroughBehavior}`) : undefined,
    contentHandling: i.contentHandling ? sym('apigwv2', `ContentHandling.${i.contentHandling}`) : undefined,
    timeout: i.timeoutMs !== undefined ? call(sym('core', 'Duration'), 'millis', [num(i.timeoutMs)]) : undefined,
  }
  /** CloudFormation keys the chosen L2 takes as props; the rest become overrides. */
  let l2Keys: string[]
  let construction: Code
  const bodyProps = (entries: [string, Code | undefined][]): Props => props(entries)
  switch (style) {
    case 'aws':
      l2Keys = ['IntegrationType', 'IntegrationUri', 'IntegrationMethod', 'RequestTemplates', 'RequestParameters', 'TemplateSelectionExpression', 'PassthroughBehavior', 'ContentHandlingStrategy', 'TimeoutInMillis']
      if (creds.role) l2Keys.push('CredentialsArn')
      construction = construct('integrations', 'WebSocketAwsIntegration', [lit(constructId)], bodyProps([
        ['integrationUri', code.uri ?? lit('')],
        // A plain string: the prop is typed `string`, and Python must not get the HttpMethod enum.
        ['integrationMethod', lit(method ?? 'POST')],
        ['credentialsRole', creds.role],
        ['requestTemplates', code.templates],
        ['templateSelectionExpression', code.selection],
        ['requestParameters', code.parameters],
        ['passthroughBehavior', code.passthrough],
        ['contentHandling', code.contentHandling],
        ['timeout', code.timeout],
      ]))
      break
    case 'lambda-proxy':
      l2Keys = ['IntegrationType', 'IntegrationUri', 'TimeoutInMillis', 'ContentHandlingStrategy']
      construction = construct('integrations', 'WebSocketLambdaIntegration', [lit(constructId), handler?.code ?? lit('')], bodyProps([
        ['timeout', code.timeout],
        ['contentHandling', code.contentHandling],
      ]))
      break
    case 'mock':
      l2Keys = ['IntegrationType', 'IntegrationUri', 'RequestTemplates', 'TemplateSelectionExpression']
      construction = construct('integrations', 'WebSocketMockIntegration', [lit(constructId)], bodyProps([
        ['requestTemplates', code.templates],
        ['templateSelectionExpression', code.selection],
      ]))
      break
    case 'l1': {
      const apiId = member(v(ctx.varOf('api')), 'apiId')
      construction = construct('apigwv2', 'CfnIntegration', [THIS, lit(constructId)], bodyProps([
        ['apiId', apiId],
        ['integrationType', lit(CFN_INTEGRATION_TYPE[i.type])],
        ['integrationMethod', method !== undefined ? lit(method) : undefined],
        ['integrationUri', code.uri],
        ['credentialsArn', creds.arn ? str(creds.arn) : undefined],
        ['requestTemplates', code.templates],
        ['requestParameters', code.parameters],
        ['templateSelectionExpression', code.selection],
        ['passthroughBehavior', i.passthroughBehavior ? lit(i.passthroughBehavior) : undefined],
        ['contentHandlingStrategy', i.contentHandling ? lit(i.contentHandling) : undefined],
        ['timeoutInMillis', i.timeoutMs !== undefined ? num(i.timeoutMs) : undefined],
        ['description', i.description !== undefined ? str(expr(ctx, id, i.description, 'description')) : undefined],
        ['connectionType', i.connectionType ? lit(i.connectionType) : undefined],
        ['connectionId', i.connectionId !== undefined ? str(expr(ctx, id, i.connectionId, 'connectionId')) : undefined],
      ]))
      l2Keys = Object.keys(all)
      break
    }
  }
  const codeOf: Record<string, Code | undefined> = {
    IntegrationUri: code.uri,
    IntegrationMethod: method !== undefined ? lit(method) : undefined,
    CredentialsArn: creds.arn ? str(creds.arn) : undefined,
    RequestTemplates: code.templates,
    RequestParameters: code.parameters,
    TemplateSelectionExpression: code.selection,
    PassthroughBehavior: i.passthroughBehavior ? lit(i.passthroughBehavior) : undefined,
    ContentHandlingStrategy: i.contentHandling ? lit(i.contentHandling) : undefined,
    TimeoutInMillis: i.timeoutMs !== undefined ? num(i.timeoutMs) : undefined,
    Description: i.description !== undefined ? str(expr(ctx, id, i.description, 'description')) : undefined,
    ConnectionType: i.connectionType ? lit(i.connectionType) : undefined,
    ConnectionId: i.connectionId !== undefined ? str(expr(ctx, id, i.connectionId, 'connectionId')) : undefined,
  }
  // A verbatim URI is the L1's integrationUri prop, not an override.
  const extra = verbatimUri !== undefined ? withoutKey(i.cfnExtra ?? {}, 'IntegrationUri') : (i.cfnExtra ?? {})
  const overrides: Props = [
    ...props(Object.keys(all).filter((k) => !l2Keys.includes(k)).map((k) => [k, codeOf[k]] as [string, Code | undefined])),
    ...Object.entries(extra).map(([k, value]) => [k, { k: 'json', value }] as [string, Code]),
  ]
  const info: IntegrationInfo = {
    id,
    style,
    constructId,
    variable,
    cfn: deepMerge(all, extra),
    overrides,
    handler,
  }
  ctx.emitConst(id, variable, construction)
  if (style === 'l1') {
    const path = [constructId]
    info.logicalId = ctx.resourceLogicalId(path)
    if (Object.keys(extra).length) {
      for (const [key, value] of Object.entries(extra)) {
        ctx.emit(id, { k: 'expr', value: call(v(variable), 'addPropertyOverride', [lit(key), { k: 'json', value }]) })
      }
    }
    ctx.addResource(id, path, 'AWS::ApiGatewayV2::Integration', { ApiId: ctx.apiRef(), ...info.cfn })
  }
  return info
}

function withoutKey(o: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))
}
