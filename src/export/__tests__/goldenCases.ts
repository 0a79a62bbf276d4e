/**
 * The exporter's own golden cases: together they use every construct the exporter writes and every
 * optional prop of the model. `UPDATE_GOLDEN=1` writes each as `__golden__/<case>/design.yaml`
 * (via serializeDocument); the golden test reads them back with parseDocument.
 */

import { emptyDesign } from '../../model/builders'
import { seedDocument } from '../../model/seed'
import type { Design, DesignDocument } from '../../model/types'

const doc = (design: Design): DesignDocument => ({ design, layout: {} })

function lambdaChat(): DesignDocument {
  const d = emptyDesign('chat')
  d.api = { name: 'chat', constructId: 'ChatApi', description: 'demo websocket api', routeSelectionExpression: '$request.body.action', tags: { team: 'realtime', env: 'dev' } }
  d.resources.connections = { type: 'dynamodb-table', partitionKey: { name: 'connectionId', type: 'S' }, sortKey: { name: 'room', type: 'S' }, billingMode: 'PAY_PER_REQUEST', tableName: 'chat-connections', maxReadRequestUnits: 200, maxWriteRequestUnits: 100, contributorInsights: false, encryption: 'AWS_MANAGED', globalSecondaryIndexes: { byRoom: { partitionKey: { name: 'room', type: 'S' }, projection: 'INCLUDE', nonKeyAttributes: ['connectedAt'] } }, localSecondaryIndexes: { byTime: { sortKey: { name: 'connectedAt', type: 'N' }, projection: 'KEYS_ONLY' } } }
  d.resources.handler = {
    type: 'lambda-function',
    constructId: 'Handler',
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    code: "exports.handler = async (event) => {\n  console.log(JSON.stringify(event))\n  return { statusCode: 200, body: 'ok' }\n}\n",
    timeoutSeconds: 10,
    memorySize: 256,
    environment: { TABLE: '@{connections.name}', REGION: '@{aws.region}', ENDPOINT: '@{prod.url}', API_ID: '@{api.id}' },
    manageConnections: true,
    tracing: 'PassThrough',
  }
  d.integrations.connectHandler = { type: 'lambda-proxy', constructId: 'ConnectIntegration', target: 'handler' }
  d.integrations.messageHandler = { type: 'lambda-proxy', constructId: 'MessageIntegration', target: 'handler', timeoutMs: 10000, contentHandling: 'CONVERT_TO_TEXT' }
  d.routes.connect = { key: '$connect', integration: 'connectHandler' }
  d.routes.disconnect = { key: '$disconnect', integration: 'messageHandler' }
  d.routes.sendMessage = { key: 'sendMessage', integration: 'messageHandler', twoWay: true }
  d.stages.prod = {
    name: 'prod',
    constructId: 'ProdStage',
    autoDeploy: true,
    description: 'production',
    throttle: { rateLimit: 100, burstLimit: 50 },
    detailedMetricsEnabled: true,
    stageVariables: { env: 'prod', table: '@{connections.name}' },
    tags: { stage: 'prod' },
  }
  return doc(d)
}

function sqsFanIn(): DesignDocument {
  const d = emptyDesign('fanin')
  d.api.apiKeySelectionExpression = '$request.header.x-api-key'
  d.api.ipAddressType = 'dualstack'
  d.resources.queue = { type: 'sqs-queue', constructId: 'Queue', queueName: 'fanin.fifo', fifo: true, contentBasedDeduplication: true, visibilityTimeoutSeconds: 60, retentionPeriodSeconds: 345600, deliveryDelaySeconds: 5, receiveMessageWaitTimeSeconds: 20, maxMessageSizeBytes: 1048576, encryption: 'SQS_MANAGED', deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId', deadLetterQueue: { queue: 'deadLetters', maxReceiveCount: 5 }, tags: { team: 'fanin', app: 'chat' }, removalPolicy: 'retain' }
  // Declared after the queue that names it: the export writes the dead-letter queue first.
  d.resources.deadLetters = { type: 'sqs-queue', constructId: 'DeadLetters', queueName: 'fanin-dead.fifo', fifo: true, retentionPeriodSeconds: 1209600, encryption: 'KMS', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', dataKeyReuseSeconds: 3600, redriveAllowPolicy: { permission: 'byQueue', sourceQueueArns: ['arn:aws:sqs:eu-west-1:123456789012:fanin.fifo', 'arn:@{aws.partition}:sqs:@{aws.region}:@{aws.accountId}:replay.fifo'] } }
  d.resources.role = { type: 'iam-role', constructId: 'IntegrationRole', roleName: 'fanin-apigw' }
  d.integrations.enqueue = {
    type: 'aws',
    constructId: 'SqsSend',
    service: 'sqs',
    path: '@{aws.accountId}/@{queue.name}',
    target: 'queue',
    method: 'POST',
    credentials: { role: 'role' },
    passthroughBehavior: 'NEVER',
    contentHandling: 'CONVERT_TO_TEXT',
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplates: { $default: 'Action=SendMessage&MessageGroupId=$context.connectionId&MessageBody=$util.urlEncode($input.body)' },
    templateSelectionExpression: '\\$default',
    timeoutMs: 5000,
  }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode":200}' }, templateSelectionExpression: '\\$default' }
  d.routes.connect = { key: '$connect', integration: 'connectMock', apiKeyRequired: true }
  d.routes.fallback = { key: '$default', integration: 'enqueue' }
  d.stages.live = { name: 'live', autoDeploy: true }
  return doc(d)
}

function mockPing(): DesignDocument {
  const d = emptyDesign('pingpong')
  d.resources.logs = { type: 'log-group', constructId: 'AccessLogs', logGroupName: '/ws/pingpong', retentionDays: 14, logGroupClass: 'STANDARD', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', removalPolicy: 'destroy' }
  d.integrations.pingMock = {
    type: 'mock',
    constructId: 'PingMock',
    requestTemplates: { $default: '{"statusCode": 200}' },
    templateSelectionExpression: '\\$default',
    passthroughBehavior: 'WHEN_NO_MATCH',
    timeoutMs: 3000,
    responses: {
      $default: { templates: { $default: '{"action": "pong", "connectionId": "$context.connectionId"}' }, templateSelectionExpression: '\\$default' },
      '/4\\d\\d/': { templates: { $default: '{"error": true}' }, contentHandling: 'CONVERT_TO_TEXT' },
    },
  }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }
  d.routes.connect = { key: '$connect', integration: 'connectMock' }
  d.routes.ping = { key: 'ping', integration: 'pingMock', twoWay: true }
  d.routes.pingAlias = { key: 'hello', integration: 'pingMock', twoWay: true }
  d.stages.manual = {
    name: 'v1',
    constructId: 'ManualStage',
    autoDeploy: false,
    loggingLevel: 'INFO',
    dataTraceEnabled: false,
    routeSettings: { ping: { throttlingRateLimit: 10, throttlingBurstLimit: 5, loggingLevel: 'ERROR', dataTraceEnabled: true, detailedMetricsEnabled: true } },
    accessLog: { destination: { logGroup: 'logs' } },
  }
  return doc(d)
}

function lambdaAuthorizer(): DesignDocument {
  const d = emptyDesign('secured')
  d.resources.authFn = { type: 'lambda-function', constructId: 'AuthFn', runtime: 'python3.12', handler: 'index.handler', code: 'def handler(event, context):\n    return {"principalId": "me", "policyDocument": {}}\n' }
  d.resources.authRole = { type: 'iam-role', constructId: 'AuthorizerRole' }
  d.authorizers.auth = { type: 'lambda', constructId: 'TokenAuthorizer', function: 'authFn', name: 'token-authorizer', identitySource: ['route.request.querystring.token'], credentials: { role: 'authRole' } }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }
  d.routes.connect = { key: '$connect', integration: 'connectMock', authorizer: 'auth', requestParameters: { 'route.request.querystring.token': { required: true } }, operationName: 'Connect' }
  d.stages.dev = { name: 'dev', autoDeploy: true }
  return doc(d)
}

function iamAndServices(): DesignDocument {
  const d = emptyDesign('services')
  d.authorizers.iam = { type: 'iam' }
  d.resources.topic = { type: 'sns-topic', constructId: 'Topic', topicName: 'events.fifo', fifo: true, displayName: 'Events', contentBasedDeduplication: true, signatureVersion: '2', tracing: 'Active', archiveRetentionDays: 30, kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }
  d.resources.stream = { type: 'kinesis-stream', constructId: 'Stream', streamName: 'clicks', shardCount: 2, removalPolicy: 'destroy' }
  d.resources.bus = { type: 'eventbridge-bus', constructId: 'Bus', eventBusName: 'ws-events', description: 'Events from the WebSocket API', kmsKeyArn: 'arn:@{aws.partition}:kms:@{aws.region}:@{aws.accountId}:key/5678abcd-12ab-34cd-56ef-1234567890ab', deadLetterQueue: 'busDeadLetters' }
  d.resources.busDeadLetters = { type: 'sqs-queue', constructId: 'BusDeadLetters', encryption: 'KMS_MANAGED', dataKeyReuseSeconds: 900 }
  d.resources.machine = { type: 'state-machine', constructId: 'Machine', stateMachineName: 'ws-flow', stateMachineType: 'EXPRESS', tracing: true, logging: { destination: 'workerLogs', level: 'ALL', includeExecutionData: true }, definitionSubstitutions: { worker: '@{worker.arn}', stage: 'dev' }, tags: { team: 'realtime' }, definition: '{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}' }
  d.resources.worker = { type: 'lambda-function', constructId: 'Worker', runtime: 'nodejs22.x', handler: 'index.handler', code: 'exports.handler = async (e) => e', description: 'Handles service events', architecture: 'arm64', reservedConcurrentExecutions: 5, ephemeralStorageMB: 1024, layers: ['arn:aws:lambda:@{aws.region}:123456789012:layer:shared:7'], logFormat: 'JSON', tracing: 'Active', applicationLogLevel: 'WARN', systemLogLevel: 'INFO', logGroup: 'workerLogs', deadLetterQueue: 'busDeadLetters', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', recursiveLoop: 'Allow', runtimeUpdates: 'FunctionUpdate', tags: { team: 'realtime', tier: 'worker' } }
  d.resources.workerLogs = { type: 'log-group', constructId: 'WorkerLogs', retentionDays: 7 }
  d.resources.role = { type: 'iam-role', constructId: 'ServicesRole', description: 'Calls the AWS services', path: '/ws/', maxSessionDurationSeconds: 7200, managedPolicyArns: ['arn:@{aws.partition}:iam::aws:policy/CloudWatchLogsReadOnlyAccess'], permissionsBoundaryArn: 'arn:@{aws.partition}:iam::@{aws.accountId}:policy/ws-boundary', inlinePolicies: { audit: [{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ws/*' } }], readOnly: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: 'arn:aws:s3:::ws-config/*' }] }, tags: { owner: 'realtime' } }
  d.resources.table = { type: 'dynamodb-table', constructId: 'Table', partitionKey: { name: 'pk', type: 'N' }, readCapacity: 2, writeCapacity: 3, timeToLiveAttribute: 'expiresAt', pointInTimeRecovery: true, streamViewType: 'NEW_AND_OLD_IMAGES', globalSecondaryIndexes: { byExpiry: { partitionKey: { name: 'expiresAt', type: 'N' }, sortKey: { name: 'pk', type: 'N' }, projection: 'KEYS_ONLY', readCapacity: 1 } }, tableClass: 'STANDARD_INFREQUENT_ACCESS', deletionProtection: false, encryption: 'CUSTOMER_MANAGED', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', contributorInsights: true, kinesisStream: 'stream', warmThroughput: { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 }, removalPolicy: 'retain' }
  const aws = (service: string, action: string, target: string, template: string) => ({
    type: 'aws' as const,
    method: 'POST' as const,
    service,
    action,
    target,
    credentials: { role: 'role' },
    requestTemplates: { $default: template },
    templateSelectionExpression: '\\$default',
    passthroughBehavior: 'NEVER' as const,
  })
  d.integrations.publishCall = { ...aws('sns', 'Publish', 'topic', 'Action=Publish&TopicArn=$util.urlEncode("@{topic.arn}")&Message=$util.urlEncode($input.body)&MessageGroupId=g'), requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" } }
  // Compact JSON: exported as JSON.stringify / json.dumps data, with references inside strings and every JSON type.
  d.integrations.recordCall = aws('kinesis', 'PutRecord', 'stream', '{"StreamName":"@{stream.name}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId","ExplicitHashKey":null,"Tags":[1,true,false,"ü\u2028😀 @{aws.region}/@{stream.arn} \\"q\\" {x}"]}')
  d.integrations.eventCall = { ...aws('events', 'PutEvents', 'bus', `{"Entries": [{"EventBusName": "@{bus.name}", "Source": "ws", "DetailType": "message", "Detail": "${ESCAPED_BODY}"}]}`), requestParameters: { 'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'", 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" } }
  d.integrations.startCall = {
    ...aws('states', 'StartSyncExecution', 'machine', `{"stateMachineArn": "@{machine.arn}", "input": "${ESCAPED_BODY}"}`),
    responses: { $default: { templates: { $default: '$input.json(\'$.output\')' }, templateSelectionExpression: '\\$default' } },
  }
  d.integrations.getCall = {
    ...aws('dynamodb', 'GetItem', 'table', '{"TableName": "@{table.name}", "Key": {"pk": {"N": "$input.path(\'$.id\')"}}}'),
    responses: { $default: { templates: { $default: '$input.json(\'$.Item\')' } } },
  }
  d.integrations.invokeCall = {
    type: 'lambda',
    constructId: 'InvokeWorker',
    method: 'POST',
    target: 'worker',
    credentials: { role: 'role' },
    requestTemplates: { 'application/json': '{"connectionId": "$context.connectionId", "body": $input.json(\'$\')}' },
    responses: { $default: { templates: { 'application/json': '$input.body' } } },
  }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }
  d.routes.connect = { key: '$connect', integration: 'connectMock', authorizer: 'iam' }
  d.routes.publish = { key: 'publish', integration: 'publishCall' }
  d.routes.record = { key: 'record', integration: 'recordCall' }
  d.routes.event = { key: 'event', integration: 'eventCall' }
  d.routes.start = { key: 'start', integration: 'startCall', twoWay: true }
  d.routes.get = { key: 'get', integration: 'getCall', twoWay: true }
  d.routes.invoke = { key: 'invoke', integration: 'invokeCall', twoWay: true }
  d.stages.dev = { name: 'dev', autoDeploy: true }
  return doc(d)
}

function httpAndExisting(): DesignDocument {
  const d = emptyDesign('bridge')
  d.resources.legacyQueue = { type: 'existing', kind: 'sqs-queue', arn: 'arn:aws:sqs:eu-west-1:123456789012:legacy', name: 'legacy' }
  d.resources.legacyRole = { type: 'iam-role', constructId: 'LegacyRole', existingArn: 'arn:aws:iam::123456789012:role/legacy-apigw' }
  d.resources.legacyFn = { type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy' }
  d.integrations.forwardBackend = {
    type: 'http-proxy',
    constructId: 'HttpBackendIntegration',
    method: 'POST',
    uri: 'https://backend.example.com/messages',
    requestParameters: { 'integration.request.header.connectionId': 'context.connectionId' },
    timeoutMs: 10000,
    description: 'forward to the backend',
  }
  d.integrations.lookupBackend = {
    type: 'http',
    method: 'GET',
    uri: 'https://backend.example.com/lookup',
    requestTemplates: { $default: '{"id": "$input.path(\'$.id\')"}' },
    templateSelectionExpression: '\\$default',
    connectionType: 'INTERNET',
    responses: { $default: { templates: { $default: '$input.body' }, responseParameters: { 'method.response.header.x': 'integration.response.header.x' } } },
  }
  d.integrations.legacySend = {
    type: 'aws',
    method: 'POST',
    service: 'sqs',
    path: '123456789012/@{legacyQueue.name}',
    target: 'legacyQueue',
    credentials: { role: 'legacyRole' },
    requestTemplates: { $default: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
  }
  d.integrations.callerSend = { type: 'aws', method: 'POST', service: 'sqs', path: '123456789012/legacy', credentials: { caller: true }, requestTemplates: { $default: 'Action=SendMessage&MessageBody=x' } }
  d.integrations.arnSend = { type: 'aws', method: 'POST', service: 'sqs', path: '123456789012/legacy', credentials: { arn: 'arn:aws:iam::123456789012:role/other' }, requestTemplates: { $default: 'Action=SendMessage&MessageBody=y' } }
  d.integrations.legacyProxy = { type: 'lambda-proxy', target: 'legacyFn' }
  d.integrations.connectBackend = { type: 'http-proxy', method: 'POST', uri: 'https://backend.example.com/connect' }
  d.authorizers.legacyAuth = { type: 'lambda', function: 'legacyFn', identitySource: ['route.request.header.Authorization', 'route.request.querystring.token'] }
  d.routes.connect = { key: '$connect', integration: 'connectBackend', authorizer: 'legacyAuth' }
  d.routes.forward = { key: 'forward', integration: 'forwardBackend' }
  d.routes.lookup = { key: 'lookup', integration: 'lookupBackend', twoWay: true }
  d.routes.legacy = { key: 'legacy', integration: 'legacySend' }
  d.routes.caller = { key: 'caller', integration: 'callerSend' }
  d.routes.arn = { key: 'arn', integration: 'arnSend' }
  d.routes.proxy = { key: '$default', integration: 'legacyProxy' }
  d.stages.dev = { name: 'dev', autoDeploy: true, accessLog: { destination: { arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:ws' }, format: '$context.requestId $context.routeKey' } }
  return doc(d)
}

function extrasAndDomain(): DesignDocument {
  const d = emptyDesign('extras')
  d.api.disableExecuteApiEndpoint = true
  d.api.disableSchemaValidation = false
  d.api.routeSelectionExpression = '${request.body.service}/${request.body.action}'
  d.api.cfnExtra = { Version: '1.0' }
  d.models.message = { name: 'Message', contentType: 'application/json', schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } }, description: 'a chat message' }
  d.integrations.echoMock = {
    type: 'mock',
    requestTemplates: { $default: '{"statusCode": 200}' },
    templateSelectionExpression: '\\$default',
    cfnExtra: { Description: 'kept from import' },
    responses: { $default: { templates: { $default: '{"echo": $input.json(\'$\')}' } } },
  }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' } }
  d.routes.connect = { key: '$connect', integration: 'connectMock' }
  d.routes.echo = {
    key: 'chat/echo',
    integration: 'echoMock',
    twoWay: true,
    requestModels: { $default: 'Message' },
    modelSelectionExpression: '$default',
    routeResponseExtra: { ModelSelectionExpression: '$default' },
    cfnExtra: { OperationName: 'Echo' },
  }
  d.domains.domain = { domainName: 'ws.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2', constructId: 'DomainName' }
  d.stages.v1 = { name: 'v1', constructId: 'Stage', autoDeploy: true, domainMapping: { domain: 'domain', mappingKey: 'chat' }, cfnExtra: { DefaultRouteSettings: { ThrottlingBurstLimit: 7 } } }
  d.cloudformation = {
    Description: 'Imported stack with extras',
    Metadata: { Owner: 'socket-studio' },
    Resources: { Notes: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'hello' }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } },
  }
  return doc(d)
}

/**
 * An imported design with every verbatim section, intrinsics in them, references from verbatim parts to
 * modelled resources under their original ids (`ChatApi`, `Handler`, `Stage`), which the export renames,
 * a function with its own (verbatim) role and one with a literal role ARN.
 */
function verbatimSections(): DesignDocument {
  const d = emptyDesign('ChatApi')
  d.resources.handler = {
    type: 'lambda-function',
    constructId: 'Handler',
    runtime: 'python3.12',
    handler: 'index.handler',
    code: 'def handler(event, context):\n    return {"statusCode": 200}\n',
    // Published by the verbatim HandlerVersion below, which is what SnapStart applies to.
    snapStart: true,
    cfnExtra: { Role: { 'Fn::GetAtt': ['HandlerRole', 'Arn'] }, MemorySize: { 'Fn::FindInMap': ['Sizes', { Ref: 'StageName' }, 'Memory'] } },
  }
  d.resources.plainRole = {
    type: 'lambda-function',
    constructId: 'Worker',
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    code: 'exports.handler = async () => ({ statusCode: 200 })\n',
    cfnExtra: { Role: 'arn:aws:iam::123456789012:role/worker' },
  }
  d.resources.stream = { type: 'kinesis-stream', constructId: 'Stream', removalPolicy: 'destroy' }
  d.integrations.connectHandler = { type: 'lambda-proxy', constructId: 'ConnectIntegration', target: 'handler' }
  d.integrations.workHandler = { type: 'lambda-proxy', constructId: 'WorkIntegration', target: 'plainRole' }
  d.routes.connect = { key: '$connect', integration: 'connectHandler' }
  d.routes.work = { key: 'work', integration: 'workHandler' }
  d.stages.stage = { name: 'prod', constructId: 'Stage', autoDeploy: true, cfnExtra: { StageName: { Ref: 'StageName' } } }
  d.cloudformation = {
    Description: 'Every verbatim section',
    Metadata: { Owner: 'socket-studio', Api: { Ref: 'ChatApi' } },
    Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'],
    Parameters: {
      StageName: { Type: 'String', Default: 'prod', AllowedValues: ['prod', 'dev'], Description: 'stage', ConstraintDescription: 'prod or dev' },
      Secret: { Type: 'String', NoEcho: true, MinLength: 1, MaxLength: 64, AllowedPattern: '[a-z]+' },
      Retention: { Type: 'Number', Default: 14, MinValue: 1, MaxValue: 365 },
      // The same id as the function's construct: the parameter's construct id differs, its logical id does not.
      Worker: { Type: 'String', Default: 'worker' },
    },
    Mappings: { Sizes: { prod: { Memory: 512 }, dev: { Memory: 128 } } },
    Conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'StageName' }, 'prod'] },
      IsProdInUs: { 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }] },
      IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      // Imported from a CDK template with a stream: the L2 adds this condition itself.
      AwsCdkKinesisEncryptedStreamsUnsupportedRegions: {
        'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-north-1'] }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-northwest-1'] }],
      },
    },
    Rules: {
      ProdNeedsSecret: {
        RuleCondition: { 'Fn::Equals': [{ Ref: 'StageName' }, 'prod'] },
        Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Secret' }, ''] }] }, AssertDescription: 'prod needs a secret' }],
      },
    },
    Resources: {
      HandlerVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Handler' } } },
      HandlerRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }],
        },
      },
      Alarms: {
        Type: 'AWS::SNS::Topic',
        Condition: 'IsProd',
        DependsOn: ['ChatApi', 'HandlerRole'],
        Properties: {
          DisplayName: { 'Fn::If': ['IsProdInUs', { 'Fn::Sub': ['${ChatApi}-${Name} ${!ChatApi} ${Handler.Arn}', { Name: 'alarms' }] }, { Ref: 'AWS::NoValue' }] },
          Tags: [{ Key: 'api', Value: { Ref: 'ChatApi' } }, { Key: 'fn', Value: { 'Fn::GetAtt': 'Handler.Arn' } }, { Key: 'worker', Value: { Ref: 'Worker' } }],
        },
      },
    },
    Outputs: {
      Endpoint: { Value: { 'Fn::GetAtt': ['ChatApi', 'ApiEndpoint'] }, Description: 'the endpoint' },
      Url: {
        Value: { 'Fn::Sub': 'wss://${ChatApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}' },
        Export: { Name: { 'Fn::Sub': '${AWS::StackName}-url' } },
        Condition: 'IsProd',
      },
      Plain: { Value: 'literal', Export: { Name: 'plain-export' } },
      Env: { Value: { 'Fn::If': ['IsDev', 'dev', 'prod'] } },
    },
    logicalIds: { ChatApi: 'api', Handler: 'handler', Stage: 'stage' },
  }
  return doc(d)
}

/** Strings every target must carry exactly: quotes, backslashes, `${`, `"""`, newlines, U+2028, astral characters. */
/** The AWS idiom for a message inside a JSON string: escapeJavaScript writes \\' for ', which is not JSON. */
const ESCAPED_BODY = String.raw`$util.escapeJavaScript($input.body).replaceAll("\\'","'")`

export const NASTY = 'it\'s "quoted" \\ back\\slash ${notSub} `tick` """triple""" {braces} @@{literal}\nline2\u2028sep \u{1F600} ü'

function escaping(): DesignDocument {
  const d = emptyDesign('escapes')
  d.api.description = NASTY
  d.resources.table = { type: 'dynamodb-table', constructId: 'Table', partitionKey: { name: 'id', type: 'S' }, removalPolicy: 'destroy' }
  d.resources.role = { type: 'iam-role', constructId: 'Role' }
  d.integrations.put = {
    type: 'aws',
    method: 'POST',
    service: 'dynamodb',
    action: 'PutItem',
    target: 'table',
    credentials: { role: 'role' },
    requestTemplates: { $default: `{"TableName": "@{table.name}", "Item": {"note": {"S": ${JSON.stringify(NASTY)}}}}\n#set($x = "\${y}")\n` },
    templateSelectionExpression: '\\$default',
  }
  d.integrations.connectMock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, description: NASTY }
  d.routes.connect = { key: '$connect', integration: 'connectMock' }
  d.routes.weird = { key: 'say "hi" \\ ${x} \u2028 \u{1F600}', integration: 'put' }
  d.stages.dev = { name: 'dev', autoDeploy: true, stageVariables: { note: NASTY } }
  return doc(d)
}

/**
 * Design entities whose CDK names collide: route keys `a/b` and `a--b` (addRoute names both `a--b-Route`),
 * with a Lambda proxy (one permission per route) and a mock; L1 routes whose ids PascalCase alike (`x-y`, `xY`).
 * Every route must survive every target under its own logical id (issue 9, item 2).
 */
function collidingIds(): DesignDocument {
  const d = emptyDesign('collide')
  d.resources.fn = { type: 'lambda-function', constructId: 'Fn', runtime: 'nodejs20.x', handler: 'index.handler', code: 'exports.handler = async () => ({ statusCode: 200 })' }
  d.integrations.proxy = { type: 'lambda-proxy', constructId: 'Proxy', target: 'fn' }
  d.integrations.mock = { type: 'mock', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }
  d.routes.slash = { key: 'a/b', integration: 'proxy' }
  d.routes.dashes = { key: 'a--b', integration: 'proxy', twoWay: true }
  d.routes.slashMock = { key: 'c/d', integration: 'mock' }
  d.routes.dashesMock = { key: 'c--d', integration: 'mock' }
  d.routes['x-y'] = { key: 'x-y' }
  d.routes.xY = { key: 'xY' }
  d.stages.dev = { name: 'dev', autoDeploy: true }
  return doc(d)
}

export const GOLDEN_CASES: Record<string, () => DesignDocument> = {
  seed: seedDocument,
  'lambda-chat': lambdaChat,
  'sqs-fan-in': sqsFanIn,
  'mock-ping': mockPing,
  'lambda-authorizer': lambdaAuthorizer,
  'iam-and-services': iamAndServices,
  'http-and-existing': httpAndExisting,
  'extras-and-domain': extrasAndDomain,
  'verbatim-sections': verbatimSections,
  escaping,
  'colliding-ids': collidingIds,
}
