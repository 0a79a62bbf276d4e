/**
 * The seed design: the CDK `WebSocketAwsIntegration` example. API `mywsapi`, stage `dev` with auto-deploy,
 * and `$connect` writing `$context.requestId` into a DynamoDB table through PutItem with a credentials role.
 * It is the default design on first start and `examples/seed.yaml` is its serialised form.
 */

import { emptyDesign } from './builders'
import type { DesignDocument } from './types'

export function seedDocument(): DesignDocument {
  const design = emptyDesign('mywsapi')
  design.api.constructId = 'mywsapi'
  design.routes.connect = { key: '$connect', integration: 'putItem' }
  design.integrations.putItem = {
    type: 'aws',
    constructId: 'DynamodbPutItem',
    service: 'dynamodb',
    action: 'PutItem',
    target: 'table',
    method: 'POST',
    credentials: { role: 'apiRole' },
    requestTemplates: {
      'application/json': '{"TableName":"@{table.name}","Item":{"id":{"S":"$context.requestId"}}}',
    },
  }
  design.stages.dev = { name: 'dev', constructId: 'mystage', autoDeploy: true }
  design.resources.table = {
    type: 'dynamodb-table',
    constructId: 'Table',
    partitionKey: { name: 'id', type: 'S' },
    removalPolicy: 'destroy',
  }
  design.resources.apiRole = { type: 'iam-role', constructId: 'ApiGatewayRole' }
  return {
    design,
    layout: {
      // Columns as the auto-layout places them: stage → API → route → integration → target resources.
      dev: { x: 0, y: 0 },
      api: { x: 320, y: 0 },
      connect: { x: 640, y: 0 },
      putItem: { x: 960, y: 0 },
      table: { x: 1280, y: 0 },
      apiRole: { x: 1280, y: 140 },
    },
  }
}
