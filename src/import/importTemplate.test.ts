import { beforeAll, describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { readFileSync } from 'node:fs'
import { importTemplate, importTemplateSync, listWebSocketApis, type ImportResult } from '.'
import { parseDocument } from '../model/document/parse'
import { serializeDocument } from '../model/document/serialize'
import type { JsonObject } from '../model/types'
import { cfnSchema, looksLikeTemplate } from './parseTemplate'
import { fixtureDir, fixtureTemplate, handwrittenTemplate, type FixtureStack } from './__fixtures__/fixtures'

function imported(text: string, api?: string): Extract<ImportResult, { ok: true }> {
  const r = importTemplateSync(text, { api })
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors)}`)
  return r
}

function failed(text: string, api?: string): Extract<ImportResult, { ok: false }> {
  const r = importTemplateSync(text, { api })
  if (r.ok) throw new Error('expected the import to fail')
  return r
}

/** Every resource of the template is accounted for exactly once in the summary. */
function expectAccounted(text: string, r: Extract<ImportResult, { ok: true }>): void {
  const ids = Object.keys((JSON.parse(JSON.stringify(load(text, { schema: cfnSchema() }))) as { Resources: JsonObject }).Resources).sort()
  const s = r.summary
  const seen = [...s.imported, ...s.generated, ...s.skipped, ...s.verbatim].filter((x) => !x.type || x.type.includes('::')).map((x) => x.logicalId)
  expect([...new Set(seen)].sort()).toEqual(ids)
}

function expectValidDesignFile(r: Extract<ImportResult, { ok: true }>): void {
  const parsed = parseDocument(serializeDocument(r.document))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  expect(parsed.document.design).toEqual(JSON.parse(JSON.stringify(r.document.design)))
}

beforeAll(() => {
  fixtureDir()
}, 60_000)

describe('CDK-synthesized templates', () => {
  it('AwsStack: AWS (DynamoDB, SQS with every prop, SNS), Mock two-way with integration response, HTTP and HTTP_PROXY', () => {
    const text = fixtureTemplate('AwsStack')
    const r = imported(text)
    const d = r.document.design
    expect(d.api).toMatchObject({ name: 'mywsapi', routeSelectionExpression: '$request.body.type' })
    expect(Object.values(d.routes).map((x) => x.key).sort()).toEqual(['$connect', 'enqueue', 'forward', 'ping', 'publish', 'status'])
    expect(d.integrations.dynamodbPutItem).toMatchObject({
      type: 'aws', constructId: 'DynamodbPutItem', service: 'dynamodb', action: 'PutItem', target: 'table', method: 'POST',
      credentials: { role: 'apiGatewayRole' },
      requestTemplates: { 'application/json': '{"TableName":"@{table.name}","Item":{"id":{"S":"$context.requestId"}}}' },
    })
    expect(d.integrations.sqsSend).toMatchObject({
      service: 'sqs', path: '@{aws.accountId}/@{queue.name}', target: 'queue', passthroughBehavior: 'NEVER',
      contentHandling: 'CONVERT_TO_TEXT', timeoutMs: 5000, templateSelectionExpression: '\\$default',
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    })
    expect(d.integrations.snsPublish.requestTemplates?.$default).toBe('TopicArn=@{topic.arn}&Message=$util.urlEncode($input.body)')
    expect(d.integrations.pingMock.responses?.$default).toEqual({ templates: { $default: '{"action":"pong"}' }, templateSelectionExpression: '\\$default' })
    expect(d.integrations.httpBackendIntegration).toMatchObject({ type: 'http-proxy', uri: 'https://backend.example.com/messages', timeoutMs: 10000 })
    expect(d.integrations.httpPlainIntegration).toMatchObject({ type: 'http', method: 'GET' })
    expect(d.routes.enqueue.twoWay).toBe(true)
    expect(d.routes.ping.twoWay).toBe(true)
    expect(d.resources.table).toMatchObject({ type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' }, removalPolicy: 'destroy' })
    expect(d.resources.queue).toMatchObject({ type: 'sqs-queue', visibilityTimeoutSeconds: 60 })
    // The grant statements are what the export generates again: nothing left over.
    expect(d.resources.apiGatewayRole).toEqual({ type: 'iam-role', constructId: 'ApiGatewayRole' })
    expect(r.summary.generated.map((g) => g.logicalId)).toEqual(expect.arrayContaining(['ApiGatewayRoleDefaultPolicyC1776BBE', 'BootstrapVersion', 'CheckBootstrapVersion']))
    expect(d.cloudformation).toBeUndefined()
    expectAccounted(text, r)
    expectValidDesignFile(r)
  })

  it('ChatStack: Lambda proxy routes, shared integration, returnResponse, grantManageConnections, two stages, deployment', () => {
    const text = fixtureTemplate('ChatStack')
    const r = imported(text)
    const d = r.document.design
    expect(d.api).toMatchObject({ name: 'chat', constructId: 'ChatApi', description: 'demo websocket api' })
    expect(d.routes.connect.integration).toBe('connectIntegration')
    expect(d.routes.join.integration).toBe('connectIntegration')
    expect(d.integrations.connectIntegration).toEqual({ type: 'lambda-proxy', constructId: 'ConnectIntegration', target: 'handler' })
    expect(d.integrations.disconnectIntegration).toMatchObject({ timeoutMs: 10000, contentHandling: 'CONVERT_TO_TEXT' })
    expect(d.stages.prod.tags).toEqual({ env: 'prod' })
    expect(d.routes.sendMessage.twoWay).toBe(true)
    expect(d.resources.handler).toMatchObject({ type: 'lambda-function', runtime: 'nodejs20.x', manageConnections: true, constructId: 'Handler' })
    expect(d.stages.prod).toMatchObject({ autoDeploy: true, throttle: { rateLimit: 100, burstLimit: 50 }, detailedMetricsEnabled: true, stageVariables: { env: 'prod' } })
    expect(d.stages.dev).toMatchObject({ loggingLevel: 'ERROR', deployment: true, routeSettings: { sendMessage: { throttlingRateLimit: 10, throttlingBurstLimit: 5 } } })
    // One Lambda permission per route, the function's service role and its ManageConnections policy are CDK's.
    const generated = r.summary.generated.map((g) => g.type)
    expect(generated.filter((t) => t === 'AWS::Lambda::Permission')).toHaveLength(4)
    expect(generated).toEqual(expect.arrayContaining(['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::ApiGatewayV2::Deployment']))
    expect(r.summary.verbatim).toEqual([])
    expectAccounted(text, r)
    expectValidDesignFile(r)
  })

  it('AuthStack: asks which API; Lambda authorizer, API key, custom domain, access logs, usage plan kept verbatim', () => {
    const text = fixtureTemplate('AuthStack')
    const choice = failed(text)
    expect(choice.errors[0].code).toBe('IMP008')
    expect(choice.apiChoices?.map((a) => a.logicalId)).toEqual(['ApiF70053CD', 'IamApi23076CC5'])
    const r = imported(text, 'ApiF70053CD')
    const d = r.document.design
    expect(d.api).toMatchObject({ apiKeySelectionExpression: '$request.header.x-api-key', ipAddressType: 'dualstack', disableExecuteApiEndpoint: true, tags: { team: 'realtime' } })
    expect(d.authorizers.authorizer).toMatchObject({ type: 'lambda', function: 'authFn', identitySource: ['route.request.querystring.token'], constructId: 'Authorizer', name: 'TokenAuthorizer' })
    expect(d.routes.connect.authorizer).toBe('authorizer')
    expect(d.routes.enqueue.apiKeyRequired).toBe(true)
    expect(d.stages.v1.domainMapping).toEqual({ domain: 'domainName', mappingKey: 'chat' })
    expect(d.stages.v1.accessLog?.destination).toEqual({ logGroup: 'accessLogs' })
    expect(d.resources.accessLogs).toMatchObject({ type: 'log-group', retentionDays: 7 })
    expect(d.domains.domainName).toMatchObject({ domainName: 'ws.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL' })
    expect(r.summary.generated.filter((g) => g.type === 'AWS::Lambda::Permission')).toHaveLength(2)
    const verbatim = Object.keys(d.cloudformation?.Resources ?? {})
    expect(verbatim).toEqual(expect.arrayContaining(['PlanDAF4E53A', 'Key961B73FD', 'IamApi23076CC5', 'IamStage0C8205E2']))
    expectAccounted(text, r)
    expectValidDesignFile(r)

    const iam = imported(text, 'IamApi23076CC5').document.design
    expect(Object.values(iam.authorizers)).toEqual([{ type: 'iam' }])
    expect(iam.routes.connect.authorizer).toBe(Object.keys(iam.authorizers)[0])
  })

  it('ServicesStack: Kinesis, EventBridge and Step Functions actions, Lambda non-proxy, one role for all', () => {
    const text = fixtureTemplate('ServicesStack')
    const r = imported(text)
    const d = r.document.design
    expect(d.api.disableSchemaValidation).toBe(true)
    expect(d.integrations.putRecord).toMatchObject({ service: 'kinesis', action: 'PutRecord', target: 'stream' })
    expect(d.integrations.putRecord.requestTemplates?.$default).toContain('"StreamName":"@{stream.name}"')
    expect(d.integrations.putEvents).toMatchObject({ service: 'events', action: 'PutEvents', target: 'bus' })
    expect(d.integrations.startExecution).toMatchObject({ service: 'states', action: 'StartExecution', target: 'machine' })
    expect(d.integrations.startExecution.requestTemplates?.$default).toContain('@{machine.arn}')
    expect(d.integrations.invokeWorker).toMatchObject({ type: 'lambda', target: 'worker', method: 'POST', credentials: { role: 'integrationRole' } })
    expect(d.resources.stream).toMatchObject({ type: 'kinesis-stream', shardCount: 2, removalPolicy: 'destroy' })
    expect(d.resources.bus).toMatchObject({ type: 'eventbridge-bus', eventBusName: 'chat-events' })
    expect(d.resources.machine).toMatchObject({ type: 'state-machine', stateMachineType: 'EXPRESS', definition: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}' })
    for (const x of Object.values(d.resources)) expect(x.cfnExtra).toBeUndefined()
    expect(d.resources.integrationRole).toEqual({ type: 'iam-role', constructId: 'IntegrationRole' })
    expect(r.summary.verbatim).toEqual([])
    expect(r.summary.generated.map((g) => g.detail)).toEqual(expect.arrayContaining([expect.stringContaining('service role of state machine')]))
    expectAccounted(text, r)
    expectValidDesignFile(r)
  })

  it('cli/ChatStack: CDK CLI output (path metadata, CDKMetadata) gives the same design as a bare synth', () => {
    const text = fixtureTemplate('cli/ChatStack')
    const r = imported(text)
    expect(r.document.design).toEqual(imported(fixtureTemplate('ChatStack')).document.design)
    expect(r.summary.generated.map((g) => g.logicalId)).toEqual(expect.arrayContaining(['CDKMetadata', 'CDKMetadataAvailable', 'BootstrapVersion', 'CheckBootstrapVersion']))
    expectAccounted(text, r)
  })

  it('LargeStack: 150 routes import with every permission recognised', () => {
    const text = fixtureTemplate('LargeStack')
    const r = imported(text)
    expect(Object.keys(r.document.design.routes)).toHaveLength(150)
    expect(r.summary.generated.filter((g) => g.type === 'AWS::Lambda::Permission')).toHaveLength(150)
    expect(r.summary.verbatim).toEqual([])
    expectAccounted(text, r)
  })

  it.each<FixtureStack>(['AwsStack', 'ChatStack'])('%s: async import lays every entity out', async (stack) => {
    const r = await importTemplate(fixtureTemplate(stack))
    if (!r.ok) throw new Error('import failed')
    const ids = ['api', ...Object.keys(r.document.design.routes), ...Object.keys(r.document.design.integrations), ...Object.keys(r.document.design.resources)]
    for (const id of ids) expect(r.document.layout[id], id).toMatchObject({ x: expect.any(Number), y: expect.any(Number) })
  })
})

describe('hand-written YAML with short-form tags', () => {
  const text = handwrittenTemplate()

  it('turns !Sub / !Join / !GetAtt into entity references and keeps what it does not model verbatim', () => {
    const r = imported(text)
    const d = r.document.design
    expect(d.routes.connect).toMatchObject({ key: '$connect', integration: 'connectIntegration', operationName: 'Connect' })
    expect(d.routes.save.integration).toBe('saveIntegration')
    expect(d.integrations.connectIntegration).toMatchObject({ type: 'lambda-proxy', target: 'handler' })
    expect(d.integrations.saveIntegration).toMatchObject({ service: 'dynamodb', action: 'PutItem', target: 'messages', credentials: { role: 'apiRole' } })
    // `${Table}` from the Sub variable map becomes a table reference; `${!literal}` stays literal; a literal `@{` is escaped.
    expect(d.integrations.saveIntegration.requestTemplates?.$default).toContain('"TableName":"@{messages.name}"')
    expect(d.integrations.saveIntegration.requestTemplates?.$default).toContain('"note":"${literal} @@{x}"')
    expect(d.api.cfnExtra).toEqual({ Name: { 'Fn::Sub': '${AWS::StackName}-chat' } })
    expect(d.stages[Object.keys(d.stages)[0]].cfnExtra).toEqual({ StageName: { Ref: 'StageName' } })
    expect(d.resources.messages).toMatchObject({ billingMode: 'PAY_PER_REQUEST', removalPolicy: 'retain', sortKey: { name: 'sk', type: 'N' } })
    expect(d.resources.messages.cfnExtra).toEqual({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: { 'Fn::If': ['IsProd', true, false] } } })
    expect(d.resources.handler.cfnExtra?.MemorySize).toEqual({ 'Fn::FindInMap': ['Sizes', { Ref: 'StageName' }, 'Memory'] })
  })

  it("models a table's expiry attribute, point-in-time recovery and stream when written plainly, and keeps other shapes verbatim", () => {
    const pitr = '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !If [IsProd, true, false]\n'
    expect(text).toContain(pitr)
    const plain = [
      '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false }',
      '      TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }',
      '      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }',
      '',
    ].join('\n')
    const table = imported(text.replace(pitr, plain)).document.design.resources.messages
    expect(table).toMatchObject({ timeToLiveAttribute: 'expiresAt', pointInTimeRecovery: false, streamViewType: 'NEW_AND_OLD_IMAGES' })
    expect(table.cfnExtra).toBeUndefined()
    // A disabled expiry, a recovery period and an unknown view type are not what the fields say: kept as written.
    const other = [
      '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 }',
      '      TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: false }',
      '      StreamSpecification: { StreamViewType: NEW_IMAGE, ResourcePolicy: { PolicyDocument: {} } }',
      '',
    ].join('\n')
    const kept = imported(text.replace(pitr, other)).document.design.resources.messages
    expect(kept).not.toHaveProperty('timeToLiveAttribute')
    expect(kept).not.toHaveProperty('pointInTimeRecovery')
    expect(kept).not.toHaveProperty('streamViewType')
    expect(Object.keys(kept.cfnExtra ?? {}).sort()).toEqual(['PointInTimeRecoverySpecification', 'StreamSpecification', 'TimeToLiveSpecification'])
  })

  it("models a queue's retention, delivery delay, receive wait time and maximum message size", () => {
    // The sqs-fan-in golden template: its queue sets all four (src/export/__tests__/goldenCases.ts).
    const template = readFileSync(new URL('../export/__golden__/sqs-fan-in/expected/cfn-json/template/fanin.template.json', import.meta.url), 'utf8')
    const queue = imported(template).document.design.resources.queue
    expect(queue).toMatchObject({ retentionPeriodSeconds: 345600, deliveryDelaySeconds: 5, receiveMessageWaitTimeSeconds: 20, maxMessageSizeBytes: 1048576 })
    expect(queue.cfnExtra).toBeUndefined()
  })

  it("models a function's description, architecture, reserved concurrency and /tmp size", () => {
    // The iam-and-services golden template: its worker function sets all four (src/export/__tests__/goldenCases.ts).
    const template = readFileSync(new URL('../export/__golden__/iam-and-services/expected/cfn-json/template/services.template.json', import.meta.url), 'utf8')
    const worker = imported(template).document.design.resources.worker
    expect(worker).toMatchObject({ description: 'Handles service events', architecture: 'arm64', reservedConcurrentExecutions: 5, ephemeralStorageMB: 1024 })
    for (const kept of ['Description', 'Architectures', 'ReservedConcurrentExecutions', 'EphemeralStorage']) expect(worker.cfnExtra ?? {}).not.toHaveProperty(kept)
  })

  it('keeps Parameters, Conditions, Mappings, Outputs, Description and unrelated resources identical', () => {
    const r = imported(text)
    const original = load(text, { schema: cfnSchema() }) as JsonObject
    const cfn = r.document.design.cloudformation!
    for (const section of ['Parameters', 'Conditions', 'Mappings', 'Outputs', 'Description'] as const) expect(cfn[section]).toEqual(original[section])
    const resources = original.Resources as JsonObject
    expect(cfn.Resources).toEqual({ HandlerRole: resources.HandlerRole, Alarms: resources.Alarms })
    expect(r.diagnostics.find((x) => x.code === 'IMP023')?.message).toContain('ChatApi')
    expectAccounted(text, r)
    expectValidDesignFile(r)
  })

  it('handwritten-auth.yaml: authorizer, route parameters and models, route response models, model, domain mapping, deployment', () => {
    const auth = handwrittenTemplate('handwritten-auth.yaml')
    const r = imported(auth)
    const d = r.document.design
    expect(d.authorizers.authorizer).toEqual({ type: 'lambda', constructId: 'Authorizer', function: 'authFn', name: 'TokenAuth', identitySource: ['route.request.querystring.token'] })
    expect(d.routes.connect).toMatchObject({ authorizer: 'authorizer', requestParameters: { 'route.request.querystring.token': { required: true } } })
    expect(d.routes.echo).toMatchObject({
      twoWay: true, requestModels: { echo: 'Message' }, modelSelectionExpression: '$request.body.action',
      responseModels: { default: 'Message' },
      routeResponseExtra: { ModelSelectionExpression: 'default' },
    })
    expect(d.models.message).toMatchObject({ name: 'Message', contentType: 'application/json', schema: { type: 'object', required: ['action', 'text'] } })
    expect(d.stages.live).toMatchObject({ deployment: true, loggingLevel: 'INFO', dataTraceEnabled: false, domainMapping: { domain: 'domain', mappingKey: 'v1' } })
    expect(d.domains.domain).toMatchObject({ securityPolicy: 'TLS_1_2', endpointType: 'REGIONAL' })
    // The hand-written function role has exactly the CDK service-role shape, and the authorizer permission its shape.
    expect(r.summary.generated.map((g) => g.logicalId).sort()).toEqual(['AuthFnRole', 'AuthPermission', 'Deployment'])
    expect(d.cloudformation).toBeUndefined()
    expectAccounted(auth, r)
    expectValidDesignFile(r)
  })

  it('parses every short tag in scalar, sequence and mapping form', () => {
    const yaml = [
      'a: !Ref X', 'b: !GetAtt A.B.C', "c: !Sub ['x${Y}', {Y: !Ref Z}]", 'd: !Join [",", [a, b]]', 'e: !If [C, 1, 2]',
      'f: !Select [0, !GetAZs ""]', 'g: !Base64 {x: 1}', 'h: !Condition C', 'i: !Not [!Equals [a, b]]', 'j: !Cidr [x, 1, 2]',
      'k: !ImportValue V', 'l: !Transform {Name: T}', 'm: !And [!Or [a, b], c]', 'n: !Split [",", "a,b"]', 'o: !FindInMap [M, a, b]',
    ].join('\n')
    expect(load(yaml, { schema: cfnSchema() })).toEqual({
      a: { Ref: 'X' }, b: { 'Fn::GetAtt': ['A', 'B.C'] }, c: { 'Fn::Sub': ['x${Y}', { Y: { Ref: 'Z' } }] }, d: { 'Fn::Join': [',', ['a', 'b']] },
      e: { 'Fn::If': ['C', 1, 2] }, f: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, g: { 'Fn::Base64': { x: 1 } }, h: { Condition: 'C' },
      i: { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }, j: { 'Fn::Cidr': ['x', 1, 2] }, k: { 'Fn::ImportValue': 'V' }, l: { 'Fn::Transform': { Name: 'T' } },
      m: { 'Fn::And': [{ 'Fn::Or': ['a', 'b'] }, 'c'] }, n: { 'Fn::Split': [',', 'a,b'] }, o: { 'Fn::FindInMap': ['M', 'a', 'b'] },
    })
  })
})

const MINIMAL = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: a, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Mock:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {ApiId: !Ref Api, IntegrationType: MOCK}
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $default, Target: !Sub 'integrations/\${Mock}'}
`

describe('errors', () => {
  it('reports YAML and JSON syntax errors with line and column', () => {
    const yaml = failed('Resources:\n  A: [1,\n')
    expect(yaml.errors[0]).toMatchObject({ code: 'IMP001', range: { line: 3 } })
    const json = failed('{\n  "Resources": {\n    "A": 1,\n  }\n  "x": 2\n}')
    expect(json.errors[0].code).toBe('IMP001')
    expect(json.errors[0].message).toMatch(/JSON/)
    expect(json.errors[0].range?.line).toBeGreaterThan(1)
  })

  it('an unknown short tag is an unknown intrinsic at its location', () => {
    const r = failed('Resources:\n  A:\n    Type: X\n    Properties: {B: !Frobnicate x}\n')
    expect(r.errors[0]).toMatchObject({ code: 'IMP004', range: { line: 4, column: 21 } })
    expect(r.errors[0].message).toContain('!Frobnicate')
  })

  it('says when it is not a CloudFormation template or has no WebSocket API', () => {
    expect(failed('').errors[0].code).toBe('IMP002')
    expect(failed('- a\n- b\n').errors[0].code).toBe('IMP002')
    expect(failed('format: socket-studio/design\n').errors[0].message).toMatch(/no "Resources"/)
    expect(failed('Resources: 3\n').errors[0]).toMatchObject({ code: 'IMP002', range: { line: 1 } })
    const http = failed('Resources:\n  H:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: {Name: h, ProtocolType: HTTP}\n')
    expect(http.errors[0].code).toBe('IMP007')
    expect(http.errors[0].message).toContain('H is an HTTP API')
    // SAM's WebSocket API before its transform: say what it is and what to import instead.
    const sam = failed('Transform: AWS::Serverless-2016-10-31\nResources:\n  ChatApi:\n    Type: AWS::Serverless::WebSocketApi\n    Properties: {RouteSelectionExpression: $request.body.action}\n')
    expect(sam.errors[0].code).toBe('IMP007')
    expect(sam.errors[0].message).toMatch(/ChatApi is an AWS::Serverless::WebSocketApi, which the SAM transform .* import the processed template/)
    expect(failed(MINIMAL, 'Nope').errors[0].code).toBe('IMP009')
  })

  it('skips one broken resource (unknown intrinsic, missing reference, wrong type) and imports the rest', () => {
    const text = `${MINIMAL}
  Bad1:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: a, Target: {"Fn::Bogus": 1}}
  Bad2:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: b, AuthorizerId: !Ref Missing}
  Bad3:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: [c]}
  Bad4:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: d, Target: !Sub 'integrations/\${Bad1}'}
  Bad5: 42
`
    const r = imported(text)
    expect(Object.values(r.document.design.routes).map((x) => x.key)).toEqual(['$default'])
    const byId = Object.fromEntries(r.summary.skipped.map((s) => [s.logicalId, s.detail]))
    expect(Object.keys(byId).sort()).toEqual(['Bad1', 'Bad2', 'Bad3', 'Bad4', 'Bad5'])
    const codes = Object.fromEntries(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.message.split(':')[0], d]))
    expect(codes.Bad1).toMatchObject({ code: 'IMP004', field: 'Resources.Bad1.Properties.Target.Fn::Bogus' })
    expect(codes.Bad1.range?.line).toBe(15)
    expect(codes.Bad2).toMatchObject({ code: 'IMP005' })
    expect(codes.Bad2.message).toContain('"Missing"')
    expect(codes.Bad3).toMatchObject({ code: 'IMP006', field: 'Resources.Bad3.Properties.RouteKey' })
    expect(codes.Bad3.range?.line).toBe(21)
    expect(codes.Bad4).toMatchObject({ code: 'IMP010' })
    expect(codes.Bad5).toMatchObject({ code: 'IMP006' })
  })

  it('a broken API is a clear error, not a half import', () => {
    const r = failed(MINIMAL.replace('Name: a,', 'Name: [a],'))
    expect(r.errors.map((e) => e.code)).toContain('IMP006')
    expect(r.errors.some((e) => e.message.includes('Api: Properties.Name'))).toBe(true)
  })

  it('lists WebSocket APIs for the chooser', () => {
    expect(listWebSocketApis(MINIMAL)).toEqual({ ok: true, apis: [{ logicalId: 'Api', name: 'a', routes: 1 }] })
  })

  it('a route target outside the template is kept verbatim with a warning', () => {
    const r = imported(MINIMAL.replace("Target: !Sub 'integrations/${Mock}'", 'Target: integrations/abc123'))
    const route = Object.values(r.document.design.routes)[0]
    expect(route.integration).toBeUndefined()
    expect(route.cfnExtra).toEqual({ Target: 'integrations/abc123' })
    expect(r.diagnostics.some((d) => d.code === 'IMP022')).toBe(true)
  })
})

describe('looksLikeTemplate', () => {
  it('tells templates (JSON, YAML with short tags) from design files and other text', () => {
    expect(looksLikeTemplate(handwrittenTemplate())).toBe(true)
    expect(looksLikeTemplate(MINIMAL)).toBe(true)
    expect(looksLikeTemplate(JSON.stringify({ Resources: { A: { Type: 'AWS::SNS::Topic' } } }))).toBe(true)
    expect(looksLikeTemplate(serializeDocument(imported(MINIMAL).document))).toBe(false)
    expect(looksLikeTemplate('hello: world\n')).toBe(false)
  })
})

describe('hand-written variants', () => {
  it('a permission naming the function by Ref and a GetAtt in "A.B" string form are understood', () => {
    const text = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: a, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: x}, Role: arn:aws:iam::123456789012:role/r}
  Integ:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: AWS_PROXY
      IntegrationUri: {"Fn::Join": ["", ["arn:", !Ref "AWS::Partition", ":apigateway:", !Ref "AWS::Region", ":lambda:path/2015-03-31/functions/", {"Fn::GetAtt": "Fn.Arn"}, "/invocations"]]}
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $connect, Target: !Sub 'integrations/\${Integ}'}
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*$connect
  AllRoutes:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*
`
    const r = imported(text)
    expect(r.document.design.integrations.integ).toEqual({ type: 'lambda-proxy', constructId: 'Integ', target: 'fn' })
    expect(r.document.design.resources.fn.cfnExtra).toEqual({ Role: 'arn:aws:iam::123456789012:role/r' })
    expect(r.summary.generated.map((g) => g.logicalId)).toEqual(['Perm'])
    // A permission for every route is not what the CDK generates: it stays as written.
    expect(Object.keys(r.document.design.cloudformation?.Resources ?? {})).toEqual(['AllRoutes'])
    expect(r.document.design.cloudformation?.logicalIds).toEqual({ Fn: 'fn', Api: 'api' })
  })
})

describe('CredentialsArn and literal ARNs', () => {
  it('accepts a role GetAtt, a role ARN string and the caller form; a literal function ARN becomes an existing resource', () => {
    const integ = (id: string, creds: string, uri = "!Sub 'arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/q'") => `
  ${id}:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {ApiId: !Ref Api, IntegrationType: AWS, IntegrationMethod: POST, CredentialsArn: ${creds}, IntegrationUri: ${uri}}`
    const text = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: a, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}${integ('ByArn', 'arn:aws:iam::123456789012:role/gw')}${integ('AsCaller', "'arn:aws:iam::*:user/*'")}${integ(
      'Invoke',
      'arn:aws:iam::123456789012:role/gw',
      "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:worker/invocations",
    )}
`
    const d = imported(text).document.design
    expect(d.integrations.byArn).toMatchObject({ type: 'aws', service: 'sqs', path: '@{aws.accountId}/q', credentials: { arn: 'arn:aws:iam::123456789012:role/gw' } })
    expect(d.integrations.asCaller.credentials).toEqual({ caller: true })
    expect(d.integrations.invoke).toMatchObject({ type: 'lambda', target: 'existingFunction' })
    // Not the URI the export would build (literal region and partition): kept as written.
    expect(d.integrations.invoke.uri).toBe('arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:worker/invocations')
    expect(d.resources.existingFunction).toEqual({ type: 'existing', kind: 'lambda-function', arn: 'arn:aws:lambda:eu-west-1:123456789012:function:worker' })
  })
})
