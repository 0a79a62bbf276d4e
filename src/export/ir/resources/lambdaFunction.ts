/** A Lambda function: `lambda.Function` and the service role the L2 creates for it. */

import { call, construct, lit, num, props, str, sym, THIS, v, type Code, type Props } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, designQueue, duration, keyFromArn, rawString } from './shared'
import { cfnValue } from '../cfnValue'
import type { CfnString, Json, JsonObject, LambdaFunction } from '../../../model/types'
import type { IrContext } from '../context'
import type { Expr } from '../expr'
import { FUNCTION_XRAY_STATEMENT, assumeRolePolicy } from '../../../model/permissions'
import { ownEntry } from '../../../model/queries'

export function buildLambdaFunction({ ctx, id, resource, constructId, text }: BuildInput<ResourceOf<'lambda-function'>>): ResourceBuild {
  const cfn: JsonObject = {}
  let dependsOn: string[] | undefined
  const rolePath = [constructId, 'ServiceRole', 'Resource']
  const roleId = ctx.resourceLogicalId(rolePath)
  // A role kept in cfnExtra (a hand-written function with its own role) is passed in as an imported
  // role, so CDK generates no service role the function would not use.
  const givenRole = resource.cfnExtra?.Role
  const runtime = LAMBDA_RUNTIMES.has(resource.runtime)
    ? sym('lambda', `Runtime.${runtimeMember(resource.runtime)}`)
    : construct('lambda', 'Runtime', [lit(resource.runtime)])
  const env = resource.environment ? Object.entries(resource.environment).map(([k, val]) => [k, text(val, `environment.${k}`)] as [string, Expr]) : undefined
  const code = lambdaCode(ctx, id, constructId, resource)
  const layers = (resource.layers ?? []).map((arn, i) => text(arn, `layers.${i}`))
  const logGroup = resource.logGroup !== undefined && ownEntry(ctx.design.resources, resource.logGroup)?.type === 'log-group' && ctx.hasVar(resource.logGroup) ? resource.logGroup : undefined
  const deadLetter = designQueue(ctx, resource.deadLetterQueue)
  const key = resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  const lambdaProps: Props = props([
    ['functionName', resource.functionName !== undefined ? str(text(resource.functionName, 'functionName')) : undefined],
    ['runtime', runtime],
    ['handler', lit(resource.handler)],
    ['code', code.cdk],
    ['timeout', resource.timeoutSeconds !== undefined ? duration(resource.timeoutSeconds) : undefined],
    ['memorySize', resource.memorySize !== undefined ? num(resource.memorySize) : undefined],
    ['description', resource.description !== undefined ? str(text(resource.description, 'description')) : undefined],
    ['architecture', resource.architecture ? sym('lambda', `Architecture.${resource.architecture === 'arm64' ? 'ARM_64' : 'X86_64'}`) : undefined],
    ['reservedConcurrentExecutions', resource.reservedConcurrentExecutions !== undefined ? num(resource.reservedConcurrentExecutions) : undefined],
    ['ephemeralStorageSize', resource.ephemeralStorageMB !== undefined ? call(sym('core', 'Size'), 'mebibytes', [num(resource.ephemeralStorageMB)]) : undefined],
    ['environment', env ? { k: 'map', entries: env.map(([k, e]) => [k, str(e)]) } : undefined],
    ['layers', layers.length ? { k: 'list', items: layers.map((arn, i) => call(sym('lambda', 'LayerVersion'), 'fromLayerVersionArn', [THIS, lit(ctx.stackChildId(`${constructId}Layer${i + 1}`)), str(arn)])) } : undefined],
    ['tracing', resource.tracing ? sym('lambda', `Tracing.${resource.tracing === 'Active' ? 'ACTIVE' : 'PASS_THROUGH'}`) : undefined],
    ['loggingFormat', resource.logFormat ? sym('lambda', `LoggingFormat.${resource.logFormat === 'JSON' ? 'JSON' : 'TEXT'}`) : undefined],
    ['applicationLogLevelV2', resource.applicationLogLevel ? sym('lambda', `ApplicationLogLevel.${resource.applicationLogLevel}`) : undefined],
    ['systemLogLevelV2', resource.systemLogLevel ? sym('lambda', `SystemLogLevel.${resource.systemLogLevel}`) : undefined],
    ['logGroup', logGroup ? v(ctx.varOf(logGroup)) : undefined],
    ['deadLetterQueue', deadLetter ? v(ctx.varOf(deadLetter)) : undefined],
    ['environmentEncryption', key?.cdk],
    ['snapStart', resource.snapStart ? sym('lambda', 'SnapStartConf.ON_PUBLISHED_VERSIONS') : undefined],
    ['runtimeManagementMode', resource.runtimeUpdates ? sym('lambda', `RuntimeManagementMode.${resource.runtimeUpdates === 'Auto' ? 'AUTO' : 'FUNCTION_UPDATE'}`) : undefined],
    ['recursiveLoop', resource.recursiveLoop ? sym('lambda', `RecursiveLoop.${resource.recursiveLoop.toUpperCase()}`) : undefined],
    ['role', givenRole !== undefined ? call(sym('iam', 'Role'), 'fromRoleArn', [THIS, lit(ctx.stackChildId(`${constructId}GivenRole`)), rawString(givenRole)]) : undefined],
  ])
  const construction = construct('lambda', 'Function', [THIS, lit(constructId)], lambdaProps)
  if (givenRole === undefined) {
    ctx.addResource(id, rolePath, 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: assumeRolePolicy('lambda.amazonaws.com'),
      ManagedPolicyArns: [cfnValue(['arn:', { kind: 'pseudo', name: 'partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'])],
    })
    dependsOn = [roleId]
  }
  cfn.Code = code.cfn
  cfn.Handler = resource.handler
  cfn.Role = givenRole ?? { 'Fn::GetAtt': [roleId, 'Arn'] }
  cfn.Runtime = resource.runtime
  if (resource.functionName !== undefined) cfn.FunctionName = cfnValue(text(resource.functionName, 'functionName'))
  if (resource.timeoutSeconds !== undefined) cfn.Timeout = resource.timeoutSeconds
  if (resource.memorySize !== undefined) cfn.MemorySize = resource.memorySize
  if (resource.description !== undefined) cfn.Description = cfnValue(text(resource.description, 'description'))
  if (resource.architecture) cfn.Architectures = [resource.architecture]
  if (resource.reservedConcurrentExecutions !== undefined) cfn.ReservedConcurrentExecutions = resource.reservedConcurrentExecutions
  if (resource.ephemeralStorageMB !== undefined) cfn.EphemeralStorage = { Size: resource.ephemeralStorageMB }
  if (env) cfn.Environment = { Variables: Object.fromEntries(env.map(([k, e]) => [k, cfnValue(e)])) }
  if (layers.length) cfn.Layers = layers.map((e) => cfnValue(e))
  // The L2 writes a logging configuration when there is a format or a log group; the levels need JSON (MDL094).
  if (resource.logFormat || logGroup) {
    const logging: JsonObject = {}
    if (resource.logFormat) logging.LogFormat = resource.logFormat
    if (resource.applicationLogLevel) logging.ApplicationLogLevel = resource.applicationLogLevel
    if (resource.systemLogLevel) logging.SystemLogLevel = resource.systemLogLevel
    if (logGroup) logging.LogGroup = cfnValue(text(`@{${logGroup}.name}`, 'logGroup'))
    cfn.LoggingConfig = logging
  }
  if (key) cfn.KmsKeyArn = key.cfn
  if (resource.recursiveLoop) cfn.RecursiveLoop = resource.recursiveLoop
  if (resource.snapStart) cfn.SnapStart = { ApplyOn: 'PublishedVersions' }
  if (resource.runtimeUpdates) cfn.RuntimeManagementConfig = { UpdateRuntimeOn: resource.runtimeUpdates }
  const policyPath = [constructId, 'ServiceRole', 'DefaultPolicy', 'Resource']
  if (deadLetter) {
    cfn.DeadLetterConfig = { TargetArn: cfnValue(text(`@{${deadLetter}.arn}`, 'deadLetterQueue')) }
    if (givenRole !== undefined) {
      ctx.error('EXP016', 'A function with its own role (cfnExtra Role) cannot get the generated sqs:SendMessage permission its dead-letter queue needs; add it to that role and remove the queue here, or let the export create the role.', id, 'deadLetterQueue')
    } else {
      // The Function L2 adds this to its service role's default policy first, before tracing's and any grant.
      ctx.defaultPolicyStatements(id, policyPath, roleId).push({ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: cfnValue(text(`@{${deadLetter}.arn}`, 'deadLetterQueue')) })
      dependsOn = [...(dependsOn ?? []), ctx.resourceLogicalId(policyPath)]
    }
  }
  if (resource.tracing) {
    cfn.TracingConfig = { Mode: resource.tracing }
    if (givenRole !== undefined) {
      ctx.error('EXP016', 'A function with its own role (cfnExtra Role) cannot get the generated X-Ray permissions that tracing needs; add them to that role and remove tracing here, or let the export create the role.', id, 'tracing')
    } else {
      // The Function L2 adds these to its service role's default policy as it is built, before any grant.
      ctx.defaultPolicyStatements(id, policyPath, roleId).push(structuredClone(FUNCTION_XRAY_STATEMENT) as unknown as Json)
      const policyId = ctx.resourceLogicalId(policyPath)
      if (!dependsOn?.includes(policyId)) dependsOn = [...(dependsOn ?? []), policyId]
    }
  }
  const cast: L1Class = { module: 'lambda', name: 'CfnFunction' }
  return { construction, cfn, cast, dependsOn }
}

const LAMBDA_RUNTIMES = new Set([
  'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13',
  'java17', 'java21', 'ruby3.3', 'dotnet8', 'provided.al2', 'provided.al2023',
])

export function runtimeMember(runtime: string): string {
  if (runtime.startsWith('provided.')) return runtime.replace('.', '_').toUpperCase()
  return runtime.replace(/([a-z])(\d)/g, '$1_$2').replace(/\./g, '_').toUpperCase()
}

/**
 * A function's code in both spellings. S3 wins over an asset folder, and either over the inline text (the
 * order `code`, `codeAsset`, `codeS3` are documented to override each other in the schema). The bucket is
 * imported by name (`s3.Bucket.fromBucketName`), which creates nothing and synthesizes to the name itself.
 */
function lambdaCode(ctx: IrContext, id: string, constructId: string, resource: LambdaFunction): { cdk: Code; cfn: Json } {
  const LAMBDA_CODE = sym('lambda', 'Code')
  if (resource.codeS3) {
    const { bucket, key, objectVersion } = resource.codeS3
    const value = (v: CfnString, field: string): { cdk: Code; cfn: Json } => {
      if (typeof v !== 'string') return { cdk: rawString(v), cfn: v }
      const expr = ctx.text(v, id, `codeS3.${field}`)
      return { cdk: str(expr), cfn: cfnValue(expr) }
    }
    const b = value(bucket, 'bucket')
    const k = value(key, 'key')
    const v = objectVersion === undefined ? undefined : value(objectVersion, 'objectVersion')
    const bucketCode = call(sym('s3', 'Bucket'), 'fromBucketName', [THIS, lit(ctx.stackChildId(`${constructId}CodeBucket`)), b.cdk])
    return {
      cdk: call(LAMBDA_CODE, 'fromBucket', v ? [bucketCode, k.cdk, v.cdk] : [bucketCode, k.cdk]),
      cfn: { S3Bucket: b.cfn, S3Key: k.cfn, ...(v ? { S3ObjectVersion: v.cfn } : {}) },
    }
  }
  if (resource.codeAsset !== undefined) {
    // CDK uploads the folder at synth; a CloudFormation template holds only the local path.
    ctx.cfnDiagnostics.push({
      code: 'EXP022',
      severity: 'warning',
      message: `The code of ${id} is the local folder ${resource.codeAsset}: package the template before deploying it (\`aws cloudformation package\` uploads the folder and writes S3Bucket/S3Key), or give the function an S3 location (codeS3).`,
      entity: id,
      field: 'codeAsset',
    })
    // An asset folder is a local path in Code, which `aws cloudformation package` uploads (AWS CLI reference, "package").
    return { cdk: call(LAMBDA_CODE, 'fromAsset', [lit(resource.codeAsset)]), cfn: resource.codeAsset }
  }
  return { cdk: call(LAMBDA_CODE, 'fromInline', [lit(resource.code)]), cfn: { ZipFile: resource.code } }
}
