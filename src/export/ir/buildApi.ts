/** The WebSocket API itself: `apigwv2.WebSocketApi` plus L1 escape hatches for what the L2 lacks. */

import type { JsonObject } from '../../model/types'
import { bool, construct, lit, props, str, sym, THIS, v, type Code } from './code'
import { cfnValue } from './cfnValue'
import { applyCfnExtra } from './cfnExtra'
import type { IrContext } from './context'
import { applyTags } from './tags'

export const API_OWNER = 'api'
const DEFAULT_ROUTE_SELECTION = '$request.body.action'

export interface ApiInfo {
  variable: string
  constructId: string
  logicalId: string
}

const KEY_SELECTION: Record<string, string> = {
  '$request.header.x-api-key': 'HEADER_X_API_KEY',
  '$context.authorizer.usageIdentifierKey': 'AUTHORIZER_USAGE_IDENTIFIER_KEY',
}

export function buildApi(ctx: IrContext): ApiInfo {
  const api = ctx.design.api
  const constructId = ctx.stackChildId(api.constructId ?? api.name)
  const variable = ctx.declareVar(API_OWNER, 'webSocketApi', 'api')
  const path = [constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  ctx.api = { variable, constructId, logicalId }
  const text = (value: string, field: string) => ctx.text(value, API_OWNER, field)

  const keySelection = api.apiKeySelectionExpression
  const keySelectionCode: Code | undefined =
    keySelection === undefined
      ? undefined
      : KEY_SELECTION[keySelection]
        ? sym('apigwv2', `WebSocketApiKeySelectionExpression.${KEY_SELECTION[keySelection]}`)
        : construct('apigwv2', 'WebSocketApiKeySelectionExpression', [lit(keySelection)])
  ctx.emitConst(
    API_OWNER,
    variable,
    construct('apigwv2', 'WebSocketApi', [THIS, lit(constructId)], props([
      ['apiName', api.name !== constructId ? str(text(api.name, 'name')) : undefined],
      ['description', api.description !== undefined ? str(text(api.description, 'description')) : undefined],
      ['routeSelectionExpression', api.routeSelectionExpression !== DEFAULT_ROUTE_SELECTION ? lit(api.routeSelectionExpression) : undefined],
      ['apiKeySelectionExpression', keySelectionCode],
      ['ipAddressType', api.ipAddressType ? sym('apigwv2', `IpAddressType.${api.ipAddressType === 'ipv4' ? 'IPV4' : 'DUAL_STACK'}`) : undefined],
      ['disableSchemaValidation', api.disableSchemaValidation !== undefined ? bool(api.disableSchemaValidation) : undefined],
    ])),
  )
  let cfn: JsonObject = {
    Name: cfnValue(text(api.name, 'name')),
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: api.routeSelectionExpression,
  }
  if (api.description !== undefined) cfn.Description = cfnValue(text(api.description, 'description'))
  if (keySelection !== undefined) cfn.ApiKeySelectionExpression = keySelection
  if (api.ipAddressType) cfn.IpAddressType = api.ipAddressType
  if (api.disableSchemaValidation !== undefined) cfn.DisableSchemaValidation = api.disableSchemaValidation
  if (api.disableExecuteApiEndpoint !== undefined) {
    ctx.emit(API_OWNER, { k: 'comment', text: 'No WebSocketApi prop for this yet (aws-cdk#35516): set it on the L1.' })
    ctx.emit(API_OWNER, {
      k: 'assign',
      target: ctx.defaultChild(API_OWNER, variable, v(variable), { module: 'apigwv2', name: 'CfnApi' }, 'api'),
      prop: 'disableExecuteApiEndpoint',
      value: bool(api.disableExecuteApiEndpoint),
    })
    cfn.DisableExecuteApiEndpoint = api.disableExecuteApiEndpoint
  }
  cfn = applyTags(ctx, API_OWNER, v(variable), cfn, api.tags)
  cfn = applyCfnExtra(ctx, API_OWNER, cfn, api.cfnExtra, v(variable), { module: 'apigwv2', name: 'CfnApi' })
  ctx.addResource(API_OWNER, path, 'AWS::ApiGatewayV2::Api', cfn)
  ctx.defineAttribute(API_OWNER, 'id', [{ kind: 'attr', variable, property: 'apiId', logicalId }])
  ctx.defineAttribute(API_OWNER, 'url', [{ kind: 'attr', variable, property: 'apiEndpoint', logicalId, attribute: 'ApiEndpoint' }])
  ctx.defineAttribute(API_OWNER, 'name', text(api.name, 'name'))
  return { variable, constructId, logicalId }
}

