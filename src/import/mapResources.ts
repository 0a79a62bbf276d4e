/**
 * The resources integrations, authorizers and stages point at (tables, queues, topics, streams, buses, state
 * machines, functions, credentials roles, log groups) → `design.resources`.
 */

import { resourceTypeOfCfn } from '../model/cfnTypes'
import { escapeRefText } from '../model/refs'
import { type CfnString, type Json, type JsonObject, type LambdaS3Code, type Resource } from '../model/types'
import { isGeneratedServiceRole } from './cdkGenerated'
import { assumeRolePolicy, STATE_MACHINE_LOGGING_STATEMENT, STATE_MACHINE_XRAY_STATEMENT } from '../model/permissions'
import { constructIdFrom } from './cdkIds'
import type { ImportContext, ResourceEntry } from './context'
import { isObject, referencedIds } from './intrinsics'
import { assignDefined, Props, ResourceProblem } from './props'
import { mapTableIndexes } from './mapTableIndexes'
import { hasExactly, mapBusOptions, mapFunctionOptions, mapDeadLetterQueue, mapKeyArn, mapQueueEncryption, mapResourceTags, mapTableOptions, stateMachineLogging, stateMachinePolicy, TAGGED } from './mapServiceOptions'

const REMOVAL: Record<string, 'destroy' | 'retain' | 'snapshot'> = { Delete: 'destroy', Retain: 'retain', Snapshot: 'snapshot' }

export function targetCandidates(ctx: ImportContext): string[] {
  const out: string[] = []
  const add = (v: Json | undefined) => {
    if (v === undefined) return
    for (const r of referencedIds(v)) if (!out.includes(r.id)) out.push(r.id)
  }
  for (const i of ctx.ofType('Integration')) {
    add(i.props.IntegrationUri)
    add(i.props.RequestTemplates)
    add(i.props.CredentialsArn)
  }
  for (const a of ctx.ofType('Authorizer')) {
    add(a.props.AuthorizerUri)
    add(a.props.AuthorizerCredentialsArn)
  }
  for (const s of ctx.ofType('Stage')) add(isObject(s.props.AccessLogSettings) ? s.props.AccessLogSettings.DestinationArn : undefined)
  // What those functions and roles are granted on (`table.grantReadWriteData(fn)`) and what a function's
  // environment names, so grants and `@{table.name}` references can be modelled too.
  const modelled = (id: string) => ctx.resources.has(id) && resourceTypeOfCfn(ctx.resources.get(id)!.type) !== undefined
  for (let i = 0; i < out.length; i++) {
    const entry = ctx.resources.get(out[i])
    if (!entry || !modelled(entry.logicalId)) continue
    let role: string | undefined
    // What a modelled resource's reference fields name is modelled with it: a queue's dead-letter queue, a
    // table's Kinesis streaming destination, a bus's dead-letter queue.
    if (entry.type === 'AWS::SQS::Queue') add(entry.props.RedrivePolicy)
    if (entry.type === 'AWS::DynamoDB::Table') add(entry.props.KinesisStreamSpecification)
    if (entry.type === 'AWS::Events::EventBus') add(entry.props.DeadLetterConfig)
    if (entry.type === 'AWS::Lambda::Function') {
      add(entry.props.Environment)
      add(entry.props.LoggingConfig)
      add(entry.props.DeadLetterConfig)
      role = ctx.getAttTarget(entry.props.Role, 'Arn')
    } else if (entry.type === 'AWS::StepFunctions::StateMachine') {
      add(entry.props.LoggingConfiguration)
    } else if (entry.type === 'AWS::IAM::Role') role = entry.logicalId
    if (!role) continue
    for (const r of ctx.resources.values()) {
      if (r.type === 'AWS::IAM::Policy' && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: role }])) add(r.props.PolicyDocument)
    }
  }
  return dependencyOrder(ctx, out.filter(modelled))
}

/**
 * Targets in an order where each comes after the targets it refers to (a function's environment names its
 * table; a state machine's definition its functions), roles last (only integrations refer to them).
 */
function dependencyOrder(ctx: ImportContext, ids: string[]): string[] {
  const set = new Set(ids)
  const done = new Set<string>()
  const out: string[] = []
  const visit = (id: string, depth: number) => {
    if (done.has(id) || depth > 64) return
    done.add(id)
    const entry = ctx.resources.get(id)!
    for (const r of referencedIds(entry.props)) if (set.has(r.id) && r.id !== id && ctx.resources.get(r.id)!.type !== 'AWS::IAM::Role') visit(r.id, depth + 1)
    out.push(id)
  }
  for (const id of ids) if (ctx.resources.get(id)!.type !== 'AWS::IAM::Role') visit(id, 0)
  for (const id of ids) if (ctx.resources.get(id)!.type === 'AWS::IAM::Role') visit(id, 0)
  return out
}

export function mapTarget(ctx: ImportContext, entry: ResourceEntry): void {
  const kind = resourceTypeOfCfn(entry.type)
  const p = new Props(entry.logicalId, entry.props)
  const constructId = constructIdFrom(entry.logicalId)
  const removalPolicy = typeof entry.body.DeletionPolicy === 'string' ? REMOVAL[entry.body.DeletionPolicy] : undefined
  let resource: Resource
  /** A function's generated service role; its default policy is read once every grant target is mapped. */
  let serviceRole: string | undefined
  /** The role a function or state machine construct creates (which `Tags.of` tags with it). */
  let createdRole: string | undefined
  switch (kind) {
    case 'dynamodb-table': {
      const keySchema = p.raw('KeySchema')
      const defs = p.raw('AttributeDefinitions')
      const keys = Array.isArray(keySchema) ? keySchema : []
      const defList = Array.isArray(defs) ? defs : []
      const typeOf = (name: Json | undefined) => {
        const d = defList.find((x) => isObject(x) && x.AttributeName === name)
        const t = isObject(d) ? d.AttributeType : undefined
        return t === 'S' || t === 'N' || t === 'B' ? t : undefined
      }
      const hashKey = keys.find((k) => isObject(k) && k.KeyType === 'HASH')
      const rangeKey = keys.find((k) => isObject(k) && k.KeyType === 'RANGE')
      const pkName = isObject(hashKey) ? hashKey.AttributeName : undefined
      const pkType = typeOf(pkName)
      if (typeof pkName !== 'string' || !pkType) {
        throw new ResourceProblem('IMP006', `${entry.logicalId}: KeySchema needs a HASH key declared in AttributeDefinitions.`, ['Resources', entry.logicalId, 'Properties', 'KeySchema'])
      }
      const table: Resource = { type: 'dynamodb-table', partitionKey: { name: pkName, type: pkType } }
      const skName = isObject(rangeKey) ? rangeKey.AttributeName : undefined
      const skType = typeOf(skName)
      if (typeof skName === 'string' && skType) table.sortKey = { name: skName, type: skType }
      const keyCount = table.sortKey ? 2 : 1
      // The export writes exactly the key attributes; any other shape stays verbatim.
      if (keys.length === keyCount && keys.every((k) => isObject(k) && Object.keys(k).length === 2)) p.take('KeySchema')
      if (defList.length === keyCount && defList.every((d) => isObject(d) && Object.keys(d).length === 2)) p.take('AttributeDefinitions')
      const billing = p.enumOf('BillingMode', ['PROVISIONED', 'PAY_PER_REQUEST'] as const)
      const throughput = p.raw('ProvisionedThroughput')
      if (billing !== 'PAY_PER_REQUEST' && isObject(throughput) && Object.keys(throughput).length === 2 &&
        Number.isInteger(throughput.ReadCapacityUnits) && Number.isInteger(throughput.WriteCapacityUnits) &&
        (throughput.ReadCapacityUnits as number) >= 1 && (throughput.WriteCapacityUnits as number) >= 1) {
        p.take('ProvisionedThroughput')
        if (throughput.ReadCapacityUnits !== 5) table.readCapacity = throughput.ReadCapacityUnits as number
        if (throughput.WriteCapacityUnits !== 5) table.writeCapacity = throughput.WriteCapacityUnits as number
        if (billing === 'PROVISIONED') table.billingMode = billing
      } else if (billing === 'PAY_PER_REQUEST') table.billingMode = billing
      else if (billing) p.take('BillingMode')
      assignDefined(table, { tableName: ctx.text(p.raw('TableName')), removalPolicy: removalPolicy ?? 'destroy' })
      if (table.tableName !== undefined) p.take('TableName')
      mapTableOptions(ctx, p, table)
      mapTableIndexes(p, table, table.billingMode === 'PAY_PER_REQUEST')
      resource = table
      break
    }
    case 'sqs-queue': {
      const queue: Resource = { type: 'sqs-queue' }
      assignDefined(queue, {
        queueName: ctx.text(p.raw('QueueName')),
        fifo: p.bool('FifoQueue'),
        contentBasedDeduplication: p.bool('ContentBasedDeduplication'),
        visibilityTimeoutSeconds: p.num('VisibilityTimeout', true),
        retentionPeriodSeconds: p.num('MessageRetentionPeriod', true),
        deliveryDelaySeconds: p.num('DelaySeconds', true),
        receiveMessageWaitTimeSeconds: p.num('ReceiveMessageWaitTimeSeconds', true),
        maxMessageSizeBytes: p.num('MaximumMessageSize', true),
        removalPolicy: removalPolicy && removalPolicy !== 'destroy' ? removalPolicy : undefined,
      })
      if (queue.queueName !== undefined) p.take('QueueName')
      mapQueueEncryption(ctx, p, queue)
      mapDeadLetterQueue(ctx, p, queue)
      resource = queue
      break
    }
    case 'sns-topic': {
      const topic: Resource = { type: 'sns-topic' }
      assignDefined(topic, {
        topicName: ctx.text(p.raw('TopicName')),
        fifo: p.bool('FifoTopic'),
        displayName: ctx.text(p.raw('DisplayName')),
        contentBasedDeduplication: p.bool('ContentBasedDeduplication'),
        tracing: p.enumOf('TracingConfig', ['Active', 'PassThrough'] as const),
      })
      if (topic.topicName !== undefined) p.take('TopicName')
      if (topic.displayName !== undefined) p.take('DisplayName')
      // A string property; CloudFormation also reads `SignatureVersion: 2` as "2".
      const signature = p.raw('SignatureVersion')
      if (signature === '1' || signature === '2' || signature === 1 || signature === 2) {
        topic.signatureVersion = String(signature) as '1' | '2'
        p.take('SignatureVersion')
      }
      mapKeyArn(ctx, p, topic, 'KmsMasterKeyId')
      const archive = p.raw('ArchivePolicy')
      if (hasExactly(archive, ['MessageRetentionPeriod']) && Number.isInteger(archive.MessageRetentionPeriod)) {
        topic.archiveRetentionDays = archive.MessageRetentionPeriod as number
        p.take('ArchivePolicy')
      }
      resource = topic
      break
    }
    case 'kinesis-stream': {
      const stream: Resource = { type: 'kinesis-stream' }
      const mode = p.raw('StreamModeDetails')
      const streamMode = isObject(mode) && Object.keys(mode).length === 1 && (mode.StreamMode === 'ON_DEMAND' || mode.StreamMode === 'PROVISIONED') ? mode.StreamMode : undefined
      if (streamMode) p.take('StreamModeDetails')
      const retention = p.raw('RetentionPeriodHours')
      assignDefined(stream, {
        streamName: ctx.text(p.raw('Name')),
        streamMode,
        shardCount: p.num('ShardCount', true),
        retentionPeriodHours: retention === 24 ? undefined : p.num('RetentionPeriodHours', true),
        removalPolicy: removalPolicy ?? 'destroy',
      })
      if (stream.streamName !== undefined) p.take('Name')
      if (retention === 24) p.take('RetentionPeriodHours')
      const enc = p.raw('StreamEncryption')
      if (enc === undefined) stream.encryption = 'none'
      else if (isObject(enc) && JSON.stringify(enc).includes('AwsCdkKinesisEncryptedStreamsUnsupportedRegions')) p.take('StreamEncryption')
      else if (isObject(enc) && Object.keys(enc).length === 2 && enc.EncryptionType === 'KMS') {
        const key = ctx.text(enc.KeyId ?? null)
        if (key === 'alias/aws/kinesis') stream.encryption = 'managed'
        else if (key !== undefined) Object.assign(stream, { encryption: 'kms', kmsKeyId: key })
        if (key !== undefined) p.take('StreamEncryption')
      }
      // Any other shape stays verbatim, and then it is the whole property: the L2 must write none of its own, since
      // CDK merges a property override into the object the L2 wrote (an `Fn::If` plus keys is malformed).
      if (p.raw('StreamEncryption') !== undefined && !p.taken('StreamEncryption')) stream.encryption = 'none'
      resource = stream
      break
    }
    case 'eventbridge-bus': {
      const name = ctx.text(p.raw('Name'))
      if (name === undefined) throw new ResourceProblem('IMP006', `${entry.logicalId}: Properties.Name must be a string.`, ['Resources', entry.logicalId, 'Properties', 'Name'])
      p.take('Name')
      const bus: Resource = { type: 'eventbridge-bus', eventBusName: name }
      assignDefined(bus, { description: ctx.text(p.raw('Description')) })
      if (bus.description !== undefined) p.take('Description')
      mapBusOptions(ctx, p, bus)
      resource = bus
      break
    }
    case 'state-machine': {
      const definition = ctx.text(p.raw('DefinitionString'))
      const sm: Resource = { type: 'state-machine', definition: definition ?? '' }
      if (definition !== undefined) p.take('DefinitionString')
      assignDefined(sm, {
        stateMachineName: ctx.text(p.raw('StateMachineName')),
        stateMachineType: p.enumOf('StateMachineType', ['STANDARD', 'EXPRESS'] as const),
      })
      if (sm.stateMachineName !== undefined) p.take('StateMachineName')
      const substitutions = p.raw('DefinitionSubstitutions')
      const substitutionTexts = isObject(substitutions) ? Object.entries(substitutions).map(([k, v]) => [k, ctx.text(v)] as const) : undefined
      if (substitutionTexts?.length && substitutionTexts.every(([, t]) => t !== undefined)) {
        sm.definitionSubstitutions = Object.fromEntries(substitutionTexts) as Record<string, string>
        p.take('DefinitionSubstitutions')
      }
      const role = ctx.getAttTarget(p.raw('RoleArn'), 'Arn')
      const generatedRole = role && isGeneratedServiceRole(ctx, role, 'states.amazonaws.com', entry.logicalId) ? role : undefined
      if (generatedRole) {
        createdRole = generatedRole
        p.take('RoleArn')
        ctx.generated(generatedRole, `service role of state machine ${entry.logicalId} (created by sfn.StateMachine)`)
      }
      // Tracing on and logging are fields only with the role policy the L2 writes for them (the log delivery
      // statement, then the X-Ray one); otherwise they stay verbatim, so the export writes no second policy.
      const tracing = p.raw('TracingConfiguration')
      const tracingShape = hasExactly(tracing, ['Enabled']) && typeof tracing.Enabled === 'boolean' ? tracing.Enabled : undefined
      const logging = stateMachineLogging(ctx, p.raw('LoggingConfiguration'))
      const expected: Json[] = [...(logging ? [STATE_MACHINE_LOGGING_STATEMENT] : []), ...(tracingShape ? [STATE_MACHINE_XRAY_STATEMENT] : [])] as unknown as Json[]
      const policy = expected.length && generatedRole ? stateMachinePolicy(ctx, generatedRole, expected) : undefined
      if (tracingShape === false || (tracingShape && policy)) {
        sm.tracing = tracingShape
        p.take('TracingConfiguration')
      }
      if (logging && policy) {
        sm.logging = logging
        p.take('LoggingConfiguration')
      }
      if (policy) ctx.generated(policy, `${[...(logging ? ['log delivery'] : []), ...(tracingShape ? ['X-Ray'] : [])].join(' and ')} permissions of state machine ${entry.logicalId}`)
      resource = sm
      break
    }
    case 'lambda-function': {
      const code = p.raw('Code')
      const fn: Resource = {
        type: 'lambda-function',
        runtime: p.str('Runtime') ?? 'nodejs20.x',
        handler: p.str('Handler') ?? 'index.handler',
        code: isObject(code) && typeof code.ZipFile === 'string' && Object.keys(code).length === 1 ? code.ZipFile : '',
      }
      if (fn.code || (isObject(code) && code.ZipFile === '')) p.take('Code')
      // Asset-built code (the folder CDK staged) before S3: CDK asset code points at the bootstrap bucket too.
      const asset = cdkCodeAsset(entry.body, code)
      const s3 = asset === undefined ? s3Code(ctx, code) : undefined
      if (asset !== undefined) {
        fn.codeAsset = asset
        p.take('Code')
      } else if (s3) {
        fn.codeS3 = s3
        p.take('Code')
      }
      assignDefined(fn, {
        functionName: ctx.text(p.raw('FunctionName')),
        timeoutSeconds: p.num('Timeout', true),
        memorySize: p.num('MemorySize', true),
        description: ctx.text(p.raw('Description')),
        reservedConcurrentExecutions: p.num('ReservedConcurrentExecutions', true),
      })
      if (fn.functionName !== undefined) p.take('FunctionName')
      if (fn.description !== undefined) p.take('Description')
      // One literal architecture, and a plain `/tmp` size: what the fields say; any other shape stays verbatim.
      const architectures = p.raw('Architectures')
      if (Array.isArray(architectures) && architectures.length === 1 && (architectures[0] === 'x86_64' || architectures[0] === 'arm64')) {
        fn.architecture = architectures[0]
        p.take('Architectures')
      }
      const storage = p.raw('EphemeralStorage')
      if (hasExactly(storage, ['Size']) && Number.isInteger(storage.Size)) {
        fn.ephemeralStorageMB = storage.Size as number
        p.take('EphemeralStorage')
      }
      // Layers as text (each may name a parameter or another entity); one that cannot be text keeps them all verbatim.
      const layers = p.raw('Layers')
      const layerTexts = Array.isArray(layers) ? layers.map((l) => ctx.text(l)) : undefined
      if (layerTexts?.length && layerTexts.every((t) => t !== undefined)) {
        fn.layers = layerTexts as string[]
        p.take('Layers')
      }
      const tracing = p.raw('TracingConfig')
      if (hasExactly(tracing, ['Mode']) && (tracing.Mode === 'Active' || tracing.Mode === 'PassThrough')) {
        fn.tracing = tracing.Mode
        p.take('TracingConfig')
      }
      mapFunctionOptions(ctx, p, fn)
      const env = p.raw('Environment')
      // Each value as design text: a literal, or a reference to what the design holds (`Ref` of a table is
      // `@{sessions.name}`), so a rename follows; a value the design cannot say keeps the whole map verbatim.
      const variables = isObject(env) && Object.keys(env).length === 1 && isObject(env.Variables) ? Object.entries(env.Variables) : undefined
      const texts = variables?.map(([k, v]) => [k, typeof v === 'string' ? escapeRefText(v) : ctx.text(v)] as const)
      if (texts && texts.every(([, t]) => t !== undefined)) {
        fn.environment = Object.fromEntries(texts) as Record<string, string>
        p.take('Environment')
      }
      const role = ctx.getAttTarget(p.raw('Role'), 'Arn')
      if (role && isGeneratedServiceRole(ctx, role, 'lambda.amazonaws.com', entry.logicalId)) {
        p.take('Role')
        ctx.generated(role, `service role of function ${entry.logicalId} (created by lambda.Function)`)
        serviceRole = role
        createdRole = role
      }
      resource = fn
      break
    }
    case 'iam-role': {
      const role: Resource = { type: 'iam-role' }
      const trust = p.raw('AssumeRolePolicyDocument')
      if (JSON.stringify(trust) === JSON.stringify(assumeRolePolicy('apigateway.amazonaws.com'))) p.take('AssumeRolePolicyDocument')
      assignDefined(role, {
        roleName: ctx.text(p.raw('RoleName')),
        description: ctx.text(p.raw('Description')),
        path: p.str('Path'),
        maxSessionDurationSeconds: p.num('MaxSessionDuration', true),
      })
      if (role.roleName !== undefined) p.take('RoleName')
      if (role.description !== undefined) p.take('Description')
      // Managed policies as text (`arn:${AWS::Partition}:…` becomes @{aws.partition}); one that is not keeps them verbatim.
      const managed = p.raw('ManagedPolicyArns')
      const managedTexts = Array.isArray(managed) ? managed.map((m) => ctx.text(m)) : undefined
      if (managedTexts?.length && managedTexts.every((t) => t !== undefined)) {
        role.managedPolicyArns = managedTexts as string[]
        p.take('ManagedPolicyArns')
      }
      const boundary = ctx.text(p.raw('PermissionsBoundary'))
      if (boundary !== undefined) {
        role.permissionsBoundaryArn = boundary
        p.take('PermissionsBoundary')
      }
      // Inline policies as the Role L2 writes them: a literal name, and a document of statements and the 2012 version.
      const policies = p.raw('Policies')
      const inline = Array.isArray(policies) && policies.length
        ? policies.map((pol) => hasExactly(pol, ['PolicyDocument', 'PolicyName']) && typeof pol.PolicyName === 'string' && hasExactly(pol.PolicyDocument, ['Statement', 'Version']) &&
            pol.PolicyDocument.Version === '2012-10-17' && Array.isArray(pol.PolicyDocument.Statement) && pol.PolicyDocument.Statement.length ? [pol.PolicyName, pol.PolicyDocument.Statement] as const : undefined)
        : undefined
      if (inline && inline.every((x) => x !== undefined) && new Set(inline.map((x) => x![0])).size === inline.length) {
        role.inlinePolicies = Object.fromEntries(inline as (readonly [string, Json[]])[])
        p.take('Policies')
      }
      resource = role
      break
    }
    case 'log-group': {
      const lg: Resource = { type: 'log-group' }
      assignDefined(lg, {
        logGroupName: ctx.text(p.raw('LogGroupName')),
        retentionDays: p.num('RetentionInDays', true),
        logGroupClass: p.enumOf('LogGroupClass', ['STANDARD', 'INFREQUENT_ACCESS'] as const),
        removalPolicy: removalPolicy ?? 'destroy',
      })
      // No RetentionInDays is CloudWatch's "never expire", not CDK's two-year default.
      if (p.raw('RetentionInDays') === undefined) lg.neverExpire = true
      if (lg.logGroupName !== undefined) p.take('LogGroupName')
      mapKeyArn(ctx, p, lg, 'KmsKeyId')
      resource = lg
      break
    }
    default:
      return
  }
  // A created role without the same tags would get them on export: the tags stay verbatim then.
  const roleTagsAgree = !createdRole || JSON.stringify(ctx.resources.get(createdRole)?.props.Tags) === JSON.stringify(p.raw('Tags'))
  if (TAGGED.has(resource.type) && roleTagsAgree) mapResourceTags(p, resource as Resource & { tags?: Record<string, string> })
  resource.constructId = constructId
  const id = ctx.newId(constructId)
  if (serviceRole) ctx.functionRoles.set(id, serviceRole)
  ctx.keepExtra(resource, p, id)
  ctx.design.resources[id] = resource
  ctx.claim(entry.logicalId, id, kind)
}

/**
 * The folder CDK built a function's code from (`lambda.Code.fromAsset`, `NodejsFunction`, `PythonFunction`): its
 * `Code` points at the bootstrap bucket, and `Metadata` says where the staged copy is, relative to the template's
 * cdk.out folder (`aws:asset:path`, for the `Code` property). The CLI makes the path relative to the design file.
 */
function cdkCodeAsset(body: JsonObject, code: Json | undefined): string | undefined {
  const meta = body.Metadata
  if (!isObject(meta) || meta['aws:asset:property'] !== 'Code' || typeof meta['aws:asset:path'] !== 'string' || !meta['aws:asset:path']) return undefined
  if (!isObject(code) || code.S3Bucket === undefined || code.S3Key === undefined) return undefined
  return meta['aws:asset:path']
}

const S3_CODE_KEYS = new Set(['S3Bucket', 'S3Key', 'S3ObjectVersion'])

/**
 * `Code: { S3Bucket, S3Key, S3ObjectVersion? }` → `codeS3`. Each value becomes design text where it can
 * (a literal, or `@{id.attr}` for what the design models); an intrinsic naming something kept verbatim (the
 * Serverless Framework's `{ Ref: ServerlessDeploymentBucket }`, a parameter) stays as it is.
 */
function s3Code(ctx: ImportContext, code: Json | undefined): LambdaS3Code | undefined {
  if (!isObject(code) || code.S3Bucket === undefined || code.S3Key === undefined) return undefined
  if (!Object.keys(code).every((k) => S3_CODE_KEYS.has(k))) return undefined
  const value = (v: Json): CfnString | undefined => ctx.text(v) ?? (isObject(v) ? v : undefined)
  const bucket = value(code.S3Bucket)
  const key = value(code.S3Key)
  const objectVersion = code.S3ObjectVersion === undefined ? undefined : value(code.S3ObjectVersion)
  if (bucket === undefined || key === undefined || (code.S3ObjectVersion !== undefined && objectVersion === undefined)) return undefined
  return objectVersion === undefined ? { bucket, key } : { bucket, key, objectVersion }
}
