/** `AWS::ApiGatewayV2::Api` (WEBSOCKET) → `design.api`. */

import { API_KEY_SELECTION_EXPRESSIONS } from '../model/types'
import { splitLogicalId } from './cdkIds'
import type { ImportContext, ResourceEntry } from './context'
import { assignDefined, Props } from './props'

export function mapApi(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ProtocolType')
  const api = ctx.design.api
  const name = p.str('Name')
  const { human, hash } = splitLogicalId(entry.logicalId)
  ctx.apiHuman = human
  api.name = name ?? (hash ? human : entry.logicalId)
  const cid = hash ? human : entry.logicalId
  if (cid !== api.name) api.constructId = cid
  api.routeSelectionExpression = p.str('RouteSelectionExpression') ?? '$request.body.action'
  assignDefined(api, {
    description: p.str('Description'),
    apiKeySelectionExpression: p.enumOf('ApiKeySelectionExpression', API_KEY_SELECTION_EXPRESSIONS),
    ipAddressType: p.enumOf('IpAddressType', ['ipv4', 'dualstack'] as const),
    disableSchemaValidation: p.bool('DisableSchemaValidation'),
    disableExecuteApiEndpoint: p.bool('DisableExecuteApiEndpoint'),
    tags: p.strMap('Tags'),
  })
  ctx.keepExtra(api, p, 'api')
  ctx.apiId = 'api'
  ctx.claim(entry.logicalId, 'api', 'API')
}
