/**
 * The seed design: the CDK `WebSocketAwsIntegration` example. API `mywsapi`, stage `dev` with auto-deploy,
 * and `$connect` writing `$context.requestId` into a DynamoDB table through PutItem with a credentials role.
 * One addition shows the message contract: a `$default` route on the same integration whose request model
 * (`Message`, JSON Schema draft 4: a JSON object with a string `action`) API Gateway validates before calling
 * DynamoDB. The model selection expression is set because API Gateway validates only with one ("Model validation
 * occurs if you provide a model selection expression", Request validation for WebSocket APIs); every value falls
 * back to the `$default` model. The model is not on `$connect`: the upgrade request has no body, so a `$connect`
 * model validates nothing (MDL074).
 * It is the default design on first start and `examples/seed.yaml` is its serialised form.
 */

import { emptyDesign } from './builders'
import type { DesignDocument } from './types'

export function seedDocument(): DesignDocument {
  const design = emptyDesign('mywsapi')
  design.api.constructId = 'mywsapi'
  design.routes.connect = { key: '$connect', integration: 'putItem' }
  design.routes.default = {
    key: '$default',
    integration: 'putItem',
    requestModels: { $default: 'Message' },
    modelSelectionExpression: '$request.body.action',
  }
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
  design.models.Message = {
    name: 'Message',
    contentType: 'application/json',
    schema: {
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Message',
      type: 'object',
      properties: { action: { type: 'string', minLength: 1 } },
      required: ['action'],
    },
  }
  return {
    design,
    layout: {
      // Columns as the auto-layout places them: stage → API → route → integration → target resources.
      dev: { x: 0, y: 0 },
      api: { x: 320, y: 0 },
      connect: { x: 640, y: 0 },
      default: { x: 640, y: 140 },
      Message: { x: 640, y: 280 },
      putItem: { x: 960, y: 0 },
      table: { x: 1280, y: 0 },
      apiRole: { x: 1280, y: 140 },
    },
  }
}
