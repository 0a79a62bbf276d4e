/**
 * A large design for the benchmarks and the resource-limit tests (model and export): `routes` routes, a third each on a
 * DynamoDB PutItem integration (shared table and role), a Lambda proxy (one shared function, one
 * integration per route, so a permission per route) and a Mock (every third Mock two-way with a response).
 * 150 routes make about 400 CloudFormation resources.
 */

import { emptyDesign } from './builders'
import type { DesignDocument } from './types'

export function largeDesign(routes: number): DesignDocument {
  const d = emptyDesign('large')
  d.resources.table = { type: 'dynamodb-table', constructId: 'Table', partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST', removalPolicy: 'destroy' }
  d.resources.role = { type: 'iam-role', constructId: 'ApiRole' }
  d.resources.fn = { type: 'lambda-function', constructId: 'Handler', runtime: 'nodejs22.x', handler: 'index.handler', code: 'exports.handler = async () => ({ statusCode: 200 })' }
  for (let i = 0; i < routes; i++) {
    const key = i === 0 ? '$connect' : i === 1 ? '$default' : `action${i}`
    const integration = `integration${i}`
    switch (i % 3) {
      case 0:
        d.integrations[integration] = {
          type: 'aws',
          service: 'dynamodb',
          action: 'PutItem',
          method: 'POST',
          target: 'table',
          credentials: { role: 'role' },
          requestTemplates: { $default: `{"TableName": "@{table.name}", "Item": {"id": {"S": "$context.requestId"}, "route": {"S": "${key}"}}}` },
          templateSelectionExpression: '\\$default',
        }
        break
      case 1:
        d.integrations[integration] = { type: 'lambda-proxy', target: 'fn' }
        break
      default: {
        const twoWay = i % 9 === 2
        d.integrations[integration] = {
          type: 'mock',
          requestTemplates: { $default: '{"statusCode": 200}' },
          templateSelectionExpression: '\\$default',
          ...(twoWay ? { responses: { $default: { templates: { $default: `{"route": "${key}"}` } } } } : {}),
        }
        d.routes[`route${i}`] = { key, integration, ...(twoWay ? { twoWay: true } : {}) }
        continue
      }
    }
    d.routes[`route${i}`] = { key, integration }
  }
  d.stages.prod = { name: 'prod', autoDeploy: true }
  return { design: d, layout: {} }
}
