/**
 * Failing and passing cases of the message-contract rules, run by checks.test.ts with every other rule's cases
 * (same base design: the seed plus a two-way mock `$default` route "default" on integration "pong").
 */

import type { Design } from '../types'
import type { ModelCode } from './codes'

export interface ContractCase {
  code: ModelCode
  name: string
  fail: (d: Design) => void
  entity?: string
  field?: string
  pass: (d: Design) => void
}

const order = { type: 'object', properties: { action: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, required: ['action'] }

/** A valid model "Order" used by the `$default` route. */
function withModel(d: Design, schema: Design['models'][string]['schema'] = order, name = 'Order'): void {
  d.models.order = { name, contentType: 'application/json', schema }
  d.routes.default.requestModels = { $default: name }
}

export const CONTRACT_CASES: ContractCase[] = [
  {
    code: 'MDL070',
    name: 'model schema that is not draft 4',
    fail: (d) => withModel(d, { type: 'objekt' }),
    entity: 'order',
    field: 'schema',
    pass: (d) => withModel(d),
  },
  {
    code: 'MDL070',
    name: 'server message schema that is not draft 4',
    fail: (d) => void (d.messages.ticker = { name: 'ticker', schema: { required: [] } }),
    entity: 'ticker',
    field: 'schema',
    pass: (d) => void (d.messages.ticker = { name: 'ticker', schema: { type: 'object', required: ['price'] } }),
  },
  {
    code: 'MDL071',
    name: 'model name with a dash',
    fail: (d) => withModel(d, order, 'order-v1'),
    entity: 'order',
    field: 'name',
    pass: (d) => withModel(d, order, 'OrderV1'),
  },
  {
    code: 'MDL072',
    name: 'two models with one name',
    fail: (d) => {
      withModel(d)
      d.models.again = { name: 'Order', contentType: 'application/json', schema: {} }
    },
    entity: 'again',
    field: 'name',
    pass: (d) => {
      withModel(d)
      d.models.again = { name: 'Order2', contentType: 'application/json', schema: {} }
      d.routes.default.responseModels = { $default: 'Order2' }
    },
  },
  {
    code: 'MDL073',
    name: 'route naming a missing model',
    fail: (d) => void (d.routes.default.requestModels = { $default: 'Nope' }),
    entity: 'default',
    field: 'requestModels.$default',
    pass: (d) => withModel(d),
  },
  {
    code: 'MDL074',
    name: 'request models on a proxy integration without a selection expression',
    fail: (d) => {
      withModel(d)
      d.integrations.pong = { type: 'http-proxy', uri: 'https://example.com', method: 'POST' }
    },
    entity: 'default',
    field: 'requestModels',
    pass: (d) => {
      withModel(d)
      d.integrations.pong = { type: 'http-proxy', uri: 'https://example.com', method: 'POST' }
      d.routes.default.modelSelectionExpression = '$request.body.action'
    },
  },
  {
    code: 'MDL074',
    name: 'request models on $connect',
    fail: (d) => {
      withModel(d)
      d.routes.connect.requestModels = { $default: 'Order' }
    },
    entity: 'connect',
    pass: (d) => withModel(d),
  },
  {
    code: 'MDL075',
    name: 'schema over 32,768 characters',
    fail: (d) => withModel(d, { type: 'object', description: 'x'.repeat(33_000) }),
    entity: 'order',
    field: 'schema',
    pass: (d) => withModel(d, { type: 'object', description: 'x'.repeat(30_000) }),
  },
  {
    code: 'MDL076',
    name: 'model no route uses',
    fail: (d) => void (d.models.order = { name: 'Order', contentType: 'application/json', schema: order }),
    entity: 'order',
    pass: (d) => withModel(d),
  },
  {
    code: 'MDL077',
    name: 'static model selection that names no model key',
    fail: (d) => {
      withModel(d)
      d.routes.default.requestModels = { buy: 'Order' }
      d.routes.default.modelSelectionExpression = 'sell'
    },
    entity: 'default',
    field: 'modelSelectionExpression',
    pass: (d) => {
      withModel(d)
      d.routes.default.requestModels = { buy: 'Order' }
      d.routes.default.modelSelectionExpression = '$request.body.action'
    },
  },
  {
    code: 'MDL077',
    name: 'model selection expression without request models',
    fail: (d) => void (d.routes.default.modelSelectionExpression = '$request.body.action'),
    entity: 'default',
    pass: (d) => withModel(d),
  },
  {
    code: 'MDL078',
    name: 'response models on a one-way route',
    fail: (d) => {
      withModel(d)
      d.routes.default.responseModels = { $default: 'Order' }
      d.routes.default.twoWay = false
    },
    entity: 'default',
    field: 'responseModels',
    pass: (d) => {
      withModel(d)
      d.routes.default.responseModels = { $default: 'Order' }
    },
  },
  {
    code: 'MDL079',
    name: 'two server messages with one name',
    fail: (d) => {
      d.messages.a = { name: 'tick', schema: {} }
      d.messages.b = { name: 'tick', schema: {} }
    },
    entity: 'b',
    pass: (d) => {
      d.messages.a = { name: 'tick', schema: {} }
      d.messages.b = { name: 'trade', schema: {} }
    },
  },
  {
    code: 'MDL080',
    name: 'keyed request models without a selection expression',
    fail: (d) => {
      withModel(d)
      d.routes.default.requestModels = { buy: 'Order' }
    },
    entity: 'default',
    field: 'modelSelectionExpression',
    pass: (d) => withModel(d),
  },
]
