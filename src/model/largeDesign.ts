/**
 * A realistic large design for benchmarks and scale tests: `routeCount` custom routes spread over
 * DynamoDB PutItem, Lambda proxy and two-way Mock integrations, one integration per route.
 */

import { emptyDesign } from './builders'
import type { DesignDocument } from './types'

export function largeDesign(routeCount: number): DesignDocument {
  const design = emptyDesign('large')
  design.stages.prod = { name: 'prod', autoDeploy: true, throttle: { rateLimit: 500, burstLimit: 100 } }
  design.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } }
  design.resources.apiRole = { type: 'iam-role' }
  design.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'exports.handler = async () => ({ statusCode: 200 })' }
  const layout: DesignDocument['layout'] = {}
  for (let i = 0; i < routeCount; i++) {
    const route = `r${i}`
    const integ = `i${i}`
    const kind = i % 3
    if (kind === 0) {
      design.integrations[integ] = {
        type: 'aws',
        service: 'dynamodb',
        action: 'PutItem',
        target: 'table',
        method: 'POST',
        credentials: { role: 'apiRole' },
        requestTemplates: {
          'application/json': `{"TableName":"@{table.name}","Item":{"id":{"S":"$context.requestId"},"route":{"S":"action${i}"},"body":{"S":"$util.escapeJavaScript($input.body)"}}}`,
        },
      }
    } else if (kind === 1) {
      design.integrations[integ] = { type: 'lambda-proxy', target: 'fn' }
    } else {
      design.integrations[integ] = {
        type: 'mock',
        requestTemplates: { $default: '{"statusCode": 200}' },
        templateSelectionExpression: '\\$default',
        responses: { $default: { templates: { $default: `{"action":"reply${i}"}` } } },
      }
    }
    design.routes[route] = { key: `action${i}`, integration: integ, ...(kind === 2 ? { twoWay: true } : {}) }
    layout[route] = { x: 320, y: i * 120 }
    layout[integ] = { x: 640, y: i * 120 }
  }
  return { design, layout }
}
