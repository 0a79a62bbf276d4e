import { describe, expect, it } from 'vitest'
import { aDesign } from '../builders'
import { seedDocument } from '../seed'
import type { Design, DesignDocument } from '../types'
import { CONTRACT_CASES } from './contractRules.cases'
import { checkDocument, MODEL_CODES, type ModelCode } from './index'

/** A design that passes every check: the seed plus a two-way mock $default route. */
function base(): DesignDocument {
  const doc = seedDocument()
  doc.design.integrations.pong = {
    type: 'mock',
    requestTemplates: { $default: '{"statusCode": 200}' },
    templateSelectionExpression: '\\$default',
    responses: { $default: { templates: { $default: '{"action":"pong"}' }, templateSelectionExpression: '\\$default' } },
  }
  // Replaces the seed's $default route; its request model goes with it, so every rule case starts from no models.
  doc.design.routes.default = { key: '$default', integration: 'pong', twoWay: true }
  delete doc.design.models.Message
  delete doc.layout.Message
  return doc
}

interface Case {
  code: ModelCode
  name: string
  /** Turns the passing base design into one that must report `code` on `entity`. */
  fail: (d: Design, doc: DesignDocument) => void
  entity?: string
  field?: string
  /** A nearby variant that is fine: `code` must not be reported. */
  pass: (d: Design, doc: DesignDocument) => void
}

const mock = { type: 'mock' as const, requestTemplates: { $default: '{"statusCode": 200}' } }

const CASES: Case[] = [
  { code: 'MDL001', name: 'empty route key', fail: (d) => void (d.routes.connect.key = ''), entity: 'connect', field: 'key', pass: () => {} },
  { code: 'MDL002', name: 'custom key starting with $', fail: (d) => void (d.routes.default.key = '$foo'), entity: 'default', pass: (d) => void (d.routes.default.key = 'foo$') },
  {
    code: 'MDL003',
    name: 'duplicate route key',
    fail: (d) => void (d.routes.again = { key: '$connect', integration: 'pong' }),
    entity: 'again',
    pass: (d) => void (d.routes.again = { key: '$Connect2', integration: 'pong' }),
  },
  {
    code: 'MDL004',
    name: 'authorizer on a custom route',
    fail: (d) => {
      d.authorizers.iam = { type: 'iam' }
      d.routes.default.authorizer = 'iam'
    },
    entity: 'default',
    field: 'authorizer',
    pass: (d) => {
      d.authorizers.iam = { type: 'iam' }
      d.routes.connect.authorizer = 'iam'
    },
  },
  {
    code: 'MDL005',
    name: 'API key required without a selection expression',
    fail: (d) => void (d.routes.connect.apiKeyRequired = true),
    entity: 'connect',
    pass: (d) => {
      d.routes.connect.apiKeyRequired = true
      d.api.apiKeySelectionExpression = '$request.header.x-api-key'
    },
  },
  {
    code: 'MDL006',
    name: 'API key required on a message route',
    fail: (d) => {
      d.api.apiKeySelectionExpression = '$request.header.x-api-key'
      d.routes.default.apiKeyRequired = true
    },
    entity: 'default',
    pass: (d) => {
      d.api.apiKeySelectionExpression = '$request.header.x-api-key'
      d.routes.connect.apiKeyRequired = true
    },
  },
  { code: 'MDL007', name: 'route selection without request.body', fail: (d) => void (d.api.routeSelectionExpression = '$context.routeKey'), entity: 'api', pass: (d) => void (d.api.routeSelectionExpression = '${request.body.service}/${request.body.action}') },
  { code: 'MDL007', name: 'variable other than request.body in route selection', fail: (d) => void (d.api.routeSelectionExpression = '${request.body.a}-$context.stage'), entity: 'api', pass: (d) => void (d.api.routeSelectionExpression = '${request.body.a}-x') },
  { code: 'MDL007', name: 'empty route selection expression', fail: (d) => void (d.api.routeSelectionExpression = ' '), entity: 'api', pass: () => {} },
  {
    code: 'MDL008',
    name: 'static template selection naming no template',
    fail: (d) => void (d.integrations.putItem.templateSelectionExpression = 'chat'),
    entity: 'putItem',
    field: 'templateSelectionExpression',
    pass: (d) => {
      d.integrations.putItem.templateSelectionExpression = 'chat'
      d.integrations.putItem.requestTemplates = { chat: '{}' }
    },
  },
  { code: 'MDL009', name: 'unescaped $default', fail: (d) => void (d.integrations.pong.templateSelectionExpression = '$default'), entity: 'pong', pass: (d) => void (d.integrations.pong.templateSelectionExpression = '\\$default') },
  { code: 'MDL010', name: 'two-way mock without integration response', fail: (d) => void delete d.integrations.pong.responses, entity: 'default', field: 'twoWay', pass: (d) => void (d.routes.default.twoWay = false) },
  { code: 'MDL011', name: 'two-way $disconnect', fail: (d) => void (d.routes.bye = { key: '$disconnect', integration: 'pong', twoWay: true }), entity: 'bye', pass: (d) => void (d.routes.bye = { key: '$disconnect', integration: 'pong' }) },
  { code: 'MDL012', name: 'AWS integration without a method', fail: (d) => void delete d.integrations.putItem.method, entity: 'putItem', field: 'method', pass: () => {} },
  { code: 'MDL013', name: 'AWS integration with GET', fail: (d) => void (d.integrations.putItem.method = 'GET'), entity: 'putItem', pass: (d) => void (d.integrations.putItem.method = 'POST') },
  {
    code: 'MDL014',
    name: 'AWS URI that is not an apigateway ARN',
    fail: (d) => void (d.integrations.putItem.uri = 'arn:aws:dynamodb:us-east-1:123:table/x'),
    entity: 'putItem',
    pass: (d) => void (d.integrations.putItem.uri = 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem'),
  },
  {
    code: 'MDL014',
    name: 'Lambda integration without a function',
    fail: (d) => {
      d.integrations.fn = { type: 'lambda-proxy' }
      d.routes.default.integration = 'fn'
    },
    entity: 'fn',
    pass: (d) => {
      d.integrations.fn = { type: 'lambda-proxy', uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations' }
      d.routes.default.integration = 'fn'
    },
  },
  { code: 'MDL015', name: 'AWS integration without credentials', fail: (d) => void delete d.integrations.putItem.credentials, entity: 'putItem', pass: (d) => void (d.integrations.putItem.credentials = { arn: 'arn:aws:iam::123456789012:role/x' }) },
  { code: 'MDL016', name: 'timeout over 29 s', fail: (d) => void (d.integrations.putItem.timeoutMs = 30000), entity: 'putItem', pass: (d) => void (d.integrations.putItem.timeoutMs = 29000) },
  { code: 'MDL016', name: 'timeout under 50 ms', fail: (d) => void (d.integrations.putItem.timeoutMs = 49), entity: 'putItem', pass: (d) => void (d.integrations.putItem.timeoutMs = 50) },
  {
    code: 'MDL017',
    name: 'query-string source on a message route',
    fail: (d) => {
      d.integrations.putItem.requestParameters = { 'integration.request.header.x-token': 'route.request.querystring.token' }
      d.routes.msg = { key: 'msg', integration: 'putItem' }
    },
    entity: 'putItem',
    pass: (d) => void (d.integrations.putItem.requestParameters = { 'integration.request.header.x-token': 'route.request.querystring.token' }),
  },
  { code: 'MDL019', name: 'stage name with a space', fail: (d) => void (d.stages.dev.name = 'bad name!'), entity: 'dev', pass: (d) => void (d.stages.dev.name = 'prod_2-a') },
  { code: 'MDL019', name: 'stage named $default', fail: (d) => void (d.stages.dev.name = '$default'), entity: 'dev', pass: () => {} },
  { code: 'MDL020', name: 'duplicate stage name', fail: (d) => void (d.stages.dev2 = { name: 'dev', autoDeploy: true }), entity: 'dev2', pass: (d) => void (d.stages.dev2 = { name: 'prod', autoDeploy: true }) },
  {
    code: 'MDL021',
    name: 'eleven stages',
    fail: (d) => {
      for (let i = 0; i < 10; i++) d.stages[`s${i}`] = { name: `s${i}`, autoDeploy: true }
    },
    pass: (d) => {
      for (let i = 0; i < 9; i++) d.stages[`s${i}`] = { name: `s${i}`, autoDeploy: true }
    },
  },
  { code: 'MDL022', name: 'stage nothing deploys', fail: (d) => void (d.stages.dev = { name: 'dev', deployment: false }), entity: 'dev', pass: (d) => void (d.stages.dev = { name: 'dev', autoDeploy: true }) },
  { code: 'MDL023', name: 'logging needs the account role', fail: (d) => void (d.stages.dev.loggingLevel = 'INFO'), entity: 'dev', pass: (d) => void (d.stages.dev.loggingLevel = 'OFF') },
  {
    code: 'MDL024',
    name: '301 routes',
    fail: (d) => {
      for (let i = 0; i < 299; i++) d.routes[`r${i}`] = { key: `k${i}`, integration: 'pong' }
    },
    pass: (d) => {
      for (let i = 0; i < 298; i++) d.routes[`r${i}`] = { key: `k${i}`, integration: 'pong' }
    },
  },
  {
    code: 'MDL025',
    name: '301 integrations',
    fail: (d) => {
      for (let i = 0; i < 299; i++) d.integrations[`i${i}`] = { ...mock }
    },
    pass: (d) => {
      for (let i = 0; i < 298; i++) d.integrations[`i${i}`] = { ...mock }
    },
  },
  {
    code: 'MDL026',
    name: 'eleven Lambda authorizers',
    fail: (d) => {
      d.resources.fn = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:a' }
      for (let i = 0; i < 11; i++) d.authorizers[`a${i}`] = { type: 'lambda', function: 'fn' }
    },
    pass: (d) => {
      d.resources.fn = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:a' }
      for (let i = 0; i < 10; i++) d.authorizers[`a${i}`] = { type: 'lambda', function: 'fn' }
    },
  },
  { code: 'MDL027', name: 'unused integration', fail: (d) => void (d.integrations.spare = { ...mock }), entity: 'spare', pass: () => {} },
  { code: 'MDL028', name: 'route without integration', fail: (d) => void delete d.routes.default.integration, entity: 'default', pass: () => {} },
  { code: 'MDL029', name: 'dangling integration id', fail: (d) => void (d.routes.default.integration = 'nope'), entity: 'default', field: 'integration', pass: () => {} },
  { code: 'MDL029', name: 'id of the wrong kind', fail: (d) => void (d.routes.default.integration = 'table'), entity: 'default', pass: () => {} },
  {
    code: 'MDL030',
    name: 'template referencing a missing entity',
    fail: (d) => void (d.integrations.putItem.requestTemplates = { 'application/json': '{"TableName":"@{tabel.name}"}' }),
    entity: 'putItem',
    pass: (d) => void (d.integrations.putItem.requestTemplates = { 'application/json': '{"TableName":"@{table.name}","Arn":"@{table.arn}","R":"@{aws.region}"}' }),
  },
  {
    code: 'MDL030',
    name: 'reference to an attribute the entity lacks',
    fail: (d) => void (d.integrations.putItem.requestTemplates = { 'application/json': '{"TableName":"@{table.url}"}' }),
    entity: 'putItem',
    pass: () => {},
  },
  {
    code: 'MDL030',
    name: 'a fresh SQS preset asks for a queue in words, not for the missing "target"',
    fail: (d) => {
      d.integrations.send = { type: 'aws', service: 'sqs', path: '@{aws.accountId}/@{target.name}', requestTemplates: { $default: 'Action=SendMessage' } }
      d.routes.send = { key: 'send', integration: 'send' }
    },
    entity: 'send',
    pass: (d) => {
      d.resources.queue = { type: 'sqs-queue' }
      d.integrations.send = { type: 'aws', service: 'sqs', path: '@{aws.accountId}/@{queue.name}', target: 'queue', requestTemplates: { $default: 'Action=SendMessage' } }
      d.routes.send = { key: 'send', integration: 'send' }
    },
  },
  {
    code: 'MDL082',
    name: 'a shard count on an on-demand Kinesis stream',
    fail: (d) => void (d.resources.stream = { type: 'kinesis-stream', streamMode: 'ON_DEMAND', shardCount: 2 }),
    entity: 'stream',
    pass: (d) => void (d.resources.stream = { type: 'kinesis-stream', streamMode: 'PROVISIONED', shardCount: 2 }),
  },
  {
    code: 'MDL083',
    name: 'KMS encryption of a Kinesis stream without a key',
    fail: (d) => void (d.resources.stream = { type: 'kinesis-stream', encryption: 'kms' }),
    entity: 'stream',
    pass: (d) => void (d.resources.stream = { type: 'kinesis-stream', encryption: 'kms', kmsKeyId: 'alias/ws-events' }),
  },
  {
    code: 'MDL084',
    name: 'a KMS key on a Kinesis stream that is not KMS-encrypted',
    fail: (d) => void (d.resources.stream = { type: 'kinesis-stream', encryption: 'managed', kmsKeyId: 'alias/ws-events' }),
    entity: 'stream',
    pass: (d) => void (d.resources.stream = { type: 'kinesis-stream', encryption: 'managed' }),
  },
  {
    code: 'MDL085',
    name: 'content-based deduplication on a standard topic',
    fail: (d) => void (d.resources.topic = { type: 'sns-topic', contentBasedDeduplication: true }),
    entity: 'topic',
    pass: (d) => void (d.resources.topic = { type: 'sns-topic', fifo: true, contentBasedDeduplication: true }),
  },
  {
    code: 'MDL083',
    name: 'a queue with customer-managed KMS encryption and no key',
    fail: (d) => void (d.resources.inbox = { type: 'sqs-queue', encryption: 'KMS' }),
    entity: 'inbox',
    pass: (d) => void (d.resources.inbox = { type: 'sqs-queue', encryption: 'KMS', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }),
  },
  {
    code: 'MDL083',
    name: 'a topic key given by alias instead of ARN',
    fail: (d) => void (d.resources.topic = { type: 'sns-topic', kmsKeyArn: 'alias/ws-events' }),
    entity: 'topic',
    pass: (d) => void (d.resources.topic = { type: 'sns-topic', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/ws-events' }),
  },
  {
    code: 'MDL084',
    name: 'a table key beside AWS-managed encryption',
    fail: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, encryption: 'AWS_MANAGED', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' }),
    entity: 'table',
    pass: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, encryption: 'CUSTOMER_MANAGED', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' }),
  },
  {
    code: 'MDL084',
    name: 'a data key reuse period on an SQS-managed queue',
    fail: (d) => void (d.resources.inbox = { type: 'sqs-queue', encryption: 'SQS_MANAGED', dataKeyReuseSeconds: 600 }),
    entity: 'inbox',
    pass: (d) => void (d.resources.inbox = { type: 'sqs-queue', encryption: 'KMS_MANAGED', dataKeyReuseSeconds: 600 }),
  },
  {
    code: 'MDL085',
    name: 'a deduplication scope on a standard queue',
    fail: (d) => void (d.resources.inbox = { type: 'sqs-queue', deduplicationScope: 'messageGroup' }),
    entity: 'inbox',
    pass: (d) => void (d.resources.inbox = { type: 'sqs-queue', fifo: true, deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId' }),
  },
  {
    code: 'MDL092',
    name: 'a byQueue redrive allow policy without source queues',
    fail: (d) => void (d.resources.dead = { type: 'sqs-queue', redriveAllowPolicy: { permission: 'byQueue' } }),
    entity: 'dead',
    pass: (d) => void (d.resources.dead = { type: 'sqs-queue', redriveAllowPolicy: { permission: 'byQueue', sourceQueueArns: ['arn:aws:sqs:eu-west-1:123456789012:inbox'] } }),
  },
  {
    code: 'MDL093',
    name: 'on-demand request limits on a provisioned table',
    fail: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, maxReadRequestUnits: 100 }),
    entity: 'table',
    pass: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, billingMode: 'PAY_PER_REQUEST', maxReadRequestUnits: 100 }),
  },
  {
    code: 'MDL094',
    name: 'an application log level on a function with text logs',
    fail: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', applicationLogLevel: 'WARN' }),
    entity: 'fn',
    pass: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', logFormat: 'JSON', applicationLogLevel: 'WARN', systemLogLevel: 'WARN' }),
  },
  {
    code: 'MDL095',
    name: 'SnapStart on a Node.js function',
    fail: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', snapStart: true }),
    entity: 'fn',
    pass: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'python3.12', handler: 'index.handler', code: 'x', snapStart: true }
      d.cloudformation = { Resources: { FnVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: 'fn' } } } }
    },
  },
  {
    code: 'MDL096',
    name: 'SnapStart on a function no version of which is published',
    fail: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'python3.12', handler: 'index.handler', code: 'x', snapStart: true }),
    entity: 'fn',
    pass: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'python3.12', handler: 'index.handler', code: 'x' }),
  },
  {
    code: 'MDL085',
    name: 'a message archive on a standard topic',
    fail: (d) => void (d.resources.topic = { type: 'sns-topic', archiveRetentionDays: 30 }),
    entity: 'topic',
    pass: (d) => void (d.resources.topic = { type: 'sns-topic', fifo: true, archiveRetentionDays: 30 }),
  },
  {
    code: 'MDL088',
    name: 'a standard queue whose dead-letter queue is FIFO',
    fail: (d) => {
      d.resources.dead = { type: 'sqs-queue', fifo: true }
      d.resources.inbox = { type: 'sqs-queue', deadLetterQueue: { queue: 'dead', maxReceiveCount: 3 } }
    },
    entity: 'inbox',
    pass: (d) => {
      d.resources.dead = { type: 'sqs-queue' }
      d.resources.inbox = { type: 'sqs-queue', deadLetterQueue: { queue: 'dead', maxReceiveCount: 3 } }
    },
  },
  {
    code: 'MDL089',
    name: 'a global secondary index that declares a table key with another type',
    fail: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, globalSecondaryIndexes: { byPk: { partitionKey: { name: 'pk', type: 'N' } } } }),
    entity: 'table',
    pass: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, globalSecondaryIndexes: { byRoom: { partitionKey: { name: 'room', type: 'S' }, sortKey: { name: 'pk', type: 'S' } } } }),
  },
  {
    code: 'MDL090',
    name: 'a function with six layers',
    fail: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', layers: [1, 2, 3, 4, 5, 6].map((n) => `arn:aws:lambda:eu-west-1:123456789012:layer:l${n}:1`) }),
    entity: 'fn',
    pass: (d) => void (d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:l1:1'] }),
  },
  {
    code: 'MDL091',
    name: 'a role path without its slashes',
    fail: (d) => void (d.resources.apiRole = { type: 'iam-role', path: 'websocket' }),
    entity: 'apiRole',
    pass: (d) => void (d.resources.apiRole = { type: 'iam-role', path: '/websocket/' }),
  },
  {
    code: 'MDL089',
    name: 'a local secondary index on a table without a sort key',
    fail: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, localSecondaryIndexes: { byAt: { sortKey: { name: 'at', type: 'N' } } } }),
    entity: 'table',
    pass: (d) => void (d.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' }, localSecondaryIndexes: { byAt: { sortKey: { name: 'at', type: 'N' } } } }),
  },
  {
    code: 'MDL087',
    name: 'a retention period on a log group that never expires',
    fail: (d) => void (d.resources.logs = { type: 'log-group', neverExpire: true, retentionDays: 30 }),
    entity: 'logs',
    pass: (d) => void (d.resources.logs = { type: 'log-group', neverExpire: true }),
  },
  {
    code: 'MDL086',
    name: 'an event bus description longer than 512 characters',
    fail: (d) => void (d.resources.bus = { type: 'eventbridge-bus', eventBusName: 'b', description: 'x'.repeat(513) }),
    entity: 'bus',
    pass: (d) => void (d.resources.bus = { type: 'eventbridge-bus', eventBusName: 'b', description: 'x'.repeat(512) }),
  },
  {
    code: 'MDL081',
    name: 'routes but no stage',
    fail: (d) => void (d.stages = {}),
    entity: 'api',
    pass: (d) => {
      d.stages = {}
      d.routes = {}
      d.integrations = {}
    },
  },
  {
    code: 'MDL031',
    name: 'a design over 500 CloudFormation resources',
    fail: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x' }
      for (let i = 0; i < 170; i++) {
        d.integrations[`l${i}`] = { type: 'lambda-proxy', target: 'fn' }
        d.routes[`r${i}`] = { key: `k${i}`, integration: `l${i}` }
      }
    },
    entity: 'api',
    pass: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x' }
      for (let i = 0; i < 150; i++) {
        d.integrations[`l${i}`] = { type: 'lambda-proxy', target: 'fn' }
        d.routes[`r${i}`] = { key: `k${i}`, integration: `l${i}` }
      }
    },
  },
  { code: 'MDL032', name: 'no routes', fail: (d) => void (d.routes = {}), entity: 'api', pass: () => {} },
  {
    code: 'MDL033',
    name: 'route request parameters on a message route',
    fail: (d) => void (d.routes.default.requestParameters = { 'route.request.querystring.t': { required: true } }),
    entity: 'default',
    pass: (d) => void (d.routes.connect.requestParameters = { 'route.request.querystring.t': { required: true } }),
  },
  {
    code: 'MDL034',
    name: 'templates on a Lambda proxy integration',
    fail: (d) => {
      d.integrations.fn = { type: 'lambda-proxy', target: 'f', requestTemplates: { $default: '{}' } }
      d.resources.f = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }
      d.routes.default.integration = 'fn'
    },
    entity: 'fn',
    pass: (d) => {
      d.integrations.fn = { type: 'lambda-proxy', target: 'f' }
      d.resources.f = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }
      d.routes.default.integration = 'fn'
    },
  },
  {
    code: 'MDL035',
    name: 'integration response key that is not $default or /regex/',
    fail: (d) => void (d.integrations.pong.responses = { '200': { templates: { $default: '{}' } } }),
    entity: 'pong',
    pass: (d) => void (d.integrations.pong.responses = { '/2\\d\\d/': { templates: { $default: '{}' } } }),
  },
  {
    code: 'MDL036',
    name: 'Lambda authorizer without a function',
    fail: (d) => {
      d.authorizers.auth = { type: 'lambda' }
      d.routes.connect.authorizer = 'auth'
    },
    entity: 'auth',
    pass: (d) => {
      d.authorizers.auth = { type: 'iam' }
      d.routes.connect.authorizer = 'auth'
    },
  },
  {
    code: 'MDL037',
    name: 'bad identity source',
    fail: (d) => {
      d.resources.f = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }
      d.authorizers.auth = { type: 'lambda', function: 'f', identitySource: ['method.request.header.Authorization'] }
      d.routes.connect.authorizer = 'auth'
    },
    entity: 'auth',
    field: 'identitySource.0',
    pass: (d) => {
      d.resources.f = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }
      d.authorizers.auth = { type: 'lambda', function: 'f', identitySource: ['route.request.header.Authorization', 'route.request.querystring.token'] }
      d.routes.connect.authorizer = 'auth'
    },
  },
  {
    code: 'MDL038',
    name: 'access log format without the request id',
    fail: (d) => void (d.stages.dev.accessLog = { destination: { arn: 'arn:aws:logs:us-east-1:123456789012:log-group:x' }, format: '$context.connectionId' }),
    entity: 'dev',
    pass: (d) => void (d.stages.dev.accessLog = { destination: { arn: 'arn:aws:logs:us-east-1:123456789012:log-group:x' }, format: '$context.requestId $context.connectionId' }),
  },
  {
    code: 'MDL039',
    name: 'empty mapping key',
    fail: (d) => {
      d.domains.ws = { domainName: 'ws.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }
      d.stages.dev.domainMapping = { domain: 'ws', mappingKey: '' }
    },
    entity: 'dev',
    pass: (d) => {
      d.domains.ws = { domainName: 'ws.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }
      d.stages.dev.domainMapping = { domain: 'ws' }
    },
  },
  { code: 'MDL040', name: 'stage variable with a dash', fail: (d) => void (d.stages.dev.stageVariables = { 'my-var': 'x' }), entity: 'dev', pass: (d) => void (d.stages.dev.stageVariables = { my_var: 'x' }) },
  { code: 'MDL041', name: 'route settings for a missing route', fail: (d) => void (d.stages.dev.routeSettings = { nope: { throttlingRateLimit: 1 } }), entity: 'dev', pass: (d) => void (d.stages.dev.routeSettings = { $connect: { throttlingRateLimit: 1 } }) },
  { code: 'MDL042', name: 'layout for a deleted entity', fail: (_d, doc) => void (doc.layout.ghost = { x: 1, y: 2 }), entity: 'ghost', pass: () => {} },
  {
    code: 'MDL043',
    name: 'request parameter with a REST-style key',
    fail: (d) => void (d.integrations.putItem.requestParameters = { 'method.request.header.X': "'a'" }),
    entity: 'putItem',
    pass: (d) => void (d.integrations.putItem.requestParameters = { 'integration.request.header.X': "'a'" }),
  },
  {
    code: 'MDL043',
    name: 'request parameter with an invalid source',
    fail: (d) => void (d.integrations.putItem.requestParameters = { 'integration.request.header.X': 'method.request.body' }),
    entity: 'putItem',
    pass: (d) => void (d.integrations.putItem.requestParameters = { 'integration.request.header.X': 'context.connectionId' }),
  },
  { code: 'MDL044', name: 'AWS integration without action', fail: (d) => void delete d.integrations.putItem.action, entity: 'putItem', pass: (d) => void (d.integrations.putItem.path = 'x/y') },
  { code: 'MDL045', name: 'authorizer attached nowhere', fail: (d) => void (d.authorizers.iam = { type: 'iam' }), entity: 'iam', pass: () => {} },
  {
    code: 'MDL046',
    name: 'FIFO queue name without .fifo',
    fail: (d) => void (d.resources.q = { type: 'sqs-queue', queueName: 'orders', fifo: true }),
    entity: 'q',
    pass: (d) => void (d.resources.q = { type: 'sqs-queue', queueName: 'orders.fifo', fifo: true }),
  },
  {
    code: 'MDL047',
    name: 'HTTP integration with a relative URI',
    fail: (d) => {
      d.integrations.h = { type: 'http-proxy', method: 'POST', uri: 'backend/messages' }
      d.routes.default.integration = 'h'
    },
    entity: 'h',
    pass: (d) => {
      d.integrations.h = { type: 'http-proxy', method: 'POST', uri: 'https://backend.example.com/messages' }
      d.routes.default.integration = 'h'
    },
  },
  {
    code: 'MDL048',
    name: 'a design near the 500-resource limit',
    fail: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x' }
      for (let i = 0; i < 155; i++) {
        d.integrations[`l${i}`] = { type: 'lambda-proxy', target: 'fn' }
        d.routes[`r${i}`] = { key: `k${i}`, integration: `l${i}` }
      }
    },
    entity: 'api',
    pass: (d) => {
      d.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x' }
      for (let i = 0; i < 100; i++) {
        d.integrations[`l${i}`] = { type: 'lambda-proxy', target: 'fn' }
        d.routes[`r${i}`] = { key: `k${i}`, integration: `l${i}` }
      }
    },
  },
  {
    code: 'MDL049',
    name: 'DynamoDB action on a queue',
    fail: (d) => {
      d.resources.q = { type: 'sqs-queue' }
      d.integrations.putItem.target = 'q'
    },
    entity: 'putItem',
    pass: () => {},
  },
  {
    code: 'MDL050',
    name: 'route request parameter with a bad name',
    fail: (d) => void (d.routes.connect.requestParameters = { 'route.request.path.x': { required: true } }),
    entity: 'connect',
    pass: (d) => void (d.routes.connect.requestParameters = { 'route.request.header.Sec-WebSocket-Protocol': { required: false } }),
  },
  { code: 'MDL051', name: 'custom routes and no $default', fail: (d) => void (d.routes.default.key = 'ping'), entity: 'api', pass: () => {} },
  { code: 'MDL052', name: 'CORS on a WebSocket API', fail: (d) => void (d.api.cfnExtra = { CorsConfiguration: {} }), entity: 'api', pass: (d) => void (d.api.cfnExtra = { Version: '1' }) },
  {
    code: 'MDL053',
    name: 'state machine definition that is not JSON',
    fail: (d) => void (d.resources.sm = { type: 'state-machine', definition: '{"StartAt": ' }),
    entity: 'sm',
    pass: (d) => void (d.resources.sm = { type: 'state-machine', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}' }),
  },
  {
    code: 'MDL054',
    name: 'snapshot removal policy on a table',
    fail: (d) => void ((d.resources.table as { removalPolicy?: string }).removalPolicy = 'snapshot'),
    entity: 'table',
    pass: (d) => void ((d.resources.table as { removalPolicy?: string }).removalPolicy = 'retain'),
  },
  {
    code: 'MDL055',
    name: 'a 10-day log retention',
    fail: (d) => void (d.resources.logs = { type: 'log-group', retentionDays: 10 }),
    entity: 'logs',
    pass: (d) => void (d.resources.logs = { type: 'log-group', retentionDays: 14 }),
  },
  {
    code: 'MDL056',
    name: 'a grant the table does not have',
    fail: (d) => void ((d.resources.apiRole as { grants?: Record<string, string[]> }).grants = { table: ['grantPublish'] }),
    entity: 'apiRole',
    field: 'grants.table',
    pass: (d) => void ((d.resources.apiRole as { grants?: Record<string, string[]> }).grants = { table: ['grantWriteData'] }),
  },
  {
    code: 'MDL057',
    name: 'a write grant where the integration needs PutItem only',
    fail: (d) => void ((d.resources.apiRole as { grants?: Record<string, string[]> }).grants = { table: ['grantWriteData'] }),
    entity: 'apiRole',
    field: 'grants.table',
    pass: () => {},
  },
  ...CONTRACT_CASES,
]

function run(mutate: (d: Design, doc: DesignDocument) => void) {
  const doc = base()
  mutate(doc.design, doc)
  return checkDocument(doc)
}

describe('checkDocument', () => {
  it('the base design passes with no diagnostics at all', () => {
    expect(checkDocument(base())).toEqual([])
  })

  it('the seed passes with no diagnostics', () => {
    expect(checkDocument(seedDocument())).toEqual([])
  })

  it.each(CASES.map((c) => [`${c.code} ${c.name}`, c] as const))('%s', (_name, c) => {
    const found = run(c.fail).filter((d) => d.code === c.code)
    expect(found.length, `expected ${c.code}`).toBeGreaterThan(0)
    const d = found[0]
    expect(d.severity).toBe(MODEL_CODES[c.code].severity)
    if (c.entity) expect(d.entity).toBe(c.entity)
    if (c.field) expect(d.field).toBe(c.field)
    expect(d.message.length).toBeGreaterThan(20)
    expect(run(c.pass).filter((x) => x.code === c.code)).toEqual([])
  })

  it('every code in the table has a failing and a passing case', () => {
    const covered = new Set(CASES.map((c) => c.code))
    expect(Object.keys(MODEL_CODES).filter((code) => !covered.has(code as ModelCode))).toEqual([])
  })

  it('a builder design with one mock route passes', () => {
    const design = aDesign().withMockRoute('ping', '$default').withStage('dev', { name: 'dev', autoDeploy: true }).build()
    expect(checkDocument({ design, layout: {} }).filter((d) => d.severity === 'error')).toEqual([])
  })

  it('does not modify the document it checks', () => {
    const doc = base()
    const before = JSON.stringify(doc)
    checkDocument(doc)
    expect(JSON.stringify(doc)).toBe(before)
  })
})

describe('static route selection expressions (MDL007 decision)', () => {
  // AWS: "A dollar sign ($) can be escaped with \"\\\" … most useful when defining an expression that maps to the
  // reserved $default key, e.g. \"\\$default\"" — a static expression deploys; every message takes one route.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
  it.each(['action', '\\$default'])('%s is a warning naming the one route it selects', (expr) => {
    const doc = base()
    doc.design.api.routeSelectionExpression = expr
    const d = checkDocument(doc).filter((x) => x.code === 'MDL007')
    expect(d).toMatchObject([{ severity: 'warning' }])
    expect(d[0].message).toContain(expr === 'action' ? '"action"' : '"$default"')
  })
})

describe('messages in words', () => {
  it('a fresh SQS preset says "connect a queue" rather than naming the placeholder', () => {
    const doc = base()
    doc.design.integrations.send = { type: 'aws', service: 'sqs', path: '@{aws.accountId}/@{target.name}', requestTemplates: { $default: 'Action=SendMessage' } }
    doc.design.routes.send = { key: 'send', integration: 'send' }
    const d = checkDocument(doc).find((x) => x.code === 'MDL030' && x.entity === 'send')
    expect(d?.message).toMatch(/^Connect a queue/)
    expect(d?.message).not.toMatch(/does not exist/)
  })
})
