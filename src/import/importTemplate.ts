/**
 * CloudFormation template (JSON or YAML, hand-written or synthesized by the CDK) → design document.
 *
 * Pipeline: parse (parseTemplate.ts) → check the template and each resource (unknown intrinsics, references to
 * missing resources, broken entries: reported and skipped, the rest imports) → pick the WebSocket API → map its
 * `AWS::ApiGatewayV2::*` resources and the resources integrations point at into entities → recognise what the
 * CDK generated from L2 constructs (Lambda permissions, grant policies, function service roles, bootstrap
 * parameter and rule, CDK metadata) so export does not duplicate it → keep everything else verbatim.
 *
 * Properties the model does not understand go to the entity's `cfnExtra` (deep-merged back on export).
 * Nothing throws across this API: the result is a document or located errors.
 */

import type { Diagnostic } from '../model/diagnostics'
import { escapeRefText } from '../model/refs'
import { uniqueId } from '../model/queries'
import { integrationPermission, authorizerPermission } from '../model/permissions'
import { emptyDesign } from '../model/builders'
import { SourceMap } from '../model/document/sourceMap'
import {
  API_KEY_SELECTION_EXPRESSIONS,
  CONNECTION_TYPES,
  CONTENT_HANDLING,
  HTTP_METHODS,
  LOGGING_LEVELS,
  PASSTHROUGH_BEHAVIORS,
  type Authorizer,
  type Credentials,
  type Design,
  type DesignDocument,
  type EntityId,
  type Integration,
  type IntegrationResponse,
  type Json,
  type JsonObject,
  type Resource,
  type Route,
  type RouteSettings,
  type Stage,
} from '../model/types'
import { constructIdFrom, entityIdBase, humanPart, splitLogicalId } from './cdkIds'
import {
  findUnknownIntrinsic,
  intrinsicKey,
  isIntrinsic,
  isObject,
  PSEUDO_PARAMETERS,
  referencedIds,
  toPieces,
  type PathSegment,
  type Piece,
} from './intrinsics'
import { parseTemplateText } from './parseTemplate'

// ------------------------------------------------------------------------------------------ results

export interface ApiChoice {
  logicalId: string
  name?: string
  routes: number
}

export interface SummaryItem {
  logicalId: string
  type?: string
  /** Entity the resource became (imported), or why (generated / verbatim / skipped). */
  detail: string
}

export interface ImportSummary {
  /** Resources that became design entities. */
  imported: SummaryItem[]
  /** Resources the CDK generated from L2 constructs; the export recreates them. */
  generated: SummaryItem[]
  /** Resources and template sections kept verbatim and exported again unchanged. */
  verbatim: SummaryItem[]
  /** Broken resources that were reported and left out. */
  skipped: SummaryItem[]
}

export type ImportResult =
  | {
      ok: true
      document: DesignDocument
      /** Warnings (skipped resources, unresolved references) and notes (kept verbatim). */
      diagnostics: Diagnostic[]
      summary: ImportSummary
      apiLogicalId: string
      format: 'json' | 'yaml'
    }
  | { ok: false; errors: Diagnostic[]; apiChoices?: ApiChoice[] }

export interface ImportOptions {
  /** Logical id of the WebSocket API to import when the template has several. */
  api?: string
}

// ------------------------------------------------------------------------------------------ tables

const APIGW = 'AWS::ApiGatewayV2::'
const API_TYPE = `${APIGW}Api`

/** Resource types integrations point at → design resource type. */
const TARGET_TYPES: Record<string, Resource['type']> = {
  'AWS::DynamoDB::Table': 'dynamodb-table',
  'AWS::SQS::Queue': 'sqs-queue',
  'AWS::SNS::Topic': 'sns-topic',
  'AWS::Kinesis::Stream': 'kinesis-stream',
  'AWS::Events::EventBus': 'eventbridge-bus',
  'AWS::StepFunctions::StateMachine': 'state-machine',
  'AWS::Lambda::Function': 'lambda-function',
  'AWS::IAM::Role': 'iam-role',
  'AWS::Logs::LogGroup': 'log-group',
}

/** What `Ref` returns for each modelled type, as a design attribute. */
const REF_ATTRIBUTE: Record<string, string> = {
  'AWS::DynamoDB::Table': 'name',
  'AWS::SQS::Queue': 'url',
  'AWS::SNS::Topic': 'arn',
  'AWS::Kinesis::Stream': 'name',
  'AWS::Events::EventBus': 'name',
  'AWS::StepFunctions::StateMachine': 'arn',
  'AWS::Lambda::Function': 'name',
  'AWS::IAM::Role': 'name',
  'AWS::Logs::LogGroup': 'name',
  'AWS::ApiGatewayV2::Api': 'id',
  'AWS::ApiGatewayV2::Stage': 'name',
  'AWS::ApiGatewayV2::DomainName': 'name',
}

/** `Fn::GetAtt` attribute → design attribute, per type (`Arn` works for every resource type). */
const GETATT_ATTRIBUTE: Record<string, Record<string, string>> = {
  'AWS::SQS::Queue': { QueueName: 'name', QueueUrl: 'url' },
  'AWS::SNS::Topic': { TopicName: 'name', TopicArn: 'arn' },
  'AWS::StepFunctions::StateMachine': { Name: 'name' },
  'AWS::DynamoDB::Table': { StreamArn: 'streamArn' },
  'AWS::Events::EventBus': { Name: 'name' },
  'AWS::ApiGatewayV2::Api': { ApiEndpoint: 'endpoint', ApiId: 'id' },
  'AWS::ApiGatewayV2::DomainName': { RegionalDomainName: 'regionalDomainName' },
}

const REMOVAL: Record<string, 'destroy' | 'retain' | 'snapshot'> = { Delete: 'destroy', Retain: 'retain', Snapshot: 'snapshot' }

const LAMBDA_URI = /^arn:(?:aws|@\{aws\.partition\}):apigateway:([^:]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/
const SERVICE_URI = /^arn:(aws|@\{aws\.partition\}):apigateway:([^:]+):(?:([a-z0-9-]+)\.)?([a-z0-9-]+):(action|path)\/(.*)$/s

/** A problem with one resource; it is reported and the resource is skipped. */
class ResourceProblem {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly path: PathSegment[],
  ) {}
}

function describe(v: Json | undefined): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (isObject(v)) return isIntrinsic(v) ? `an intrinsic (${intrinsicKey(v)})` : 'a mapping'
  return `${typeof v} ${JSON.stringify(v).slice(0, 60)}`
}

function formatPath(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('')
}

/** Reads a resource's properties; what is not taken ends in `cfnExtra`. */
class Props {
  private readonly used = new Set<string>()
  constructor(
    readonly logicalId: string,
    readonly props: JsonObject,
  ) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.props, name)
  }
  raw(name: string): Json | undefined {
    return this.has(name) ? this.props[name] : undefined
  }
  take(name: string): void {
    this.used.add(name)
  }
  private bad(name: string, expected: string): never {
    throw new ResourceProblem(
      'IMP006',
      `${this.logicalId}: Properties.${name} must be ${expected}, not ${describe(this.props[name])}.`,
      ['Resources', this.logicalId, 'Properties', name],
    )
  }
  /** A literal string (taken); an intrinsic stays for cfnExtra (undefined). */
  str(name: string, required = false): string | undefined {
    const v = this.raw(name)
    if (v === undefined) {
      if (required) this.bad(name, 'a string')
      return undefined
    }
    if (isIntrinsic(v)) return undefined
    if (typeof v !== 'string') this.bad(name, 'a string')
    this.take(name)
    return v
  }
  /**
   * A required string: a literal is taken; an intrinsic stays verbatim in `cfnExtra` (which overrides the
   * field on export) and the field gets a readable placeholder.
   */
  required(name: string, placeholder: string): string {
    const v = this.raw(name)
    if (v !== undefined && isIntrinsic(v)) {
      const ref = isObject(v) && typeof v.Ref === 'string' ? v.Ref : undefined
      return (ref ?? placeholder).replace(/[^A-Za-z0-9_-]/g, '') || placeholder
    }
    return this.str(name, true) as string
  }
  num(name: string, integer = false): number | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    // CloudFormation accepts numbers written as strings; keep those verbatim so they export unchanged.
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return undefined
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) this.bad(name, integer ? 'a whole number' : 'a number')
    this.take(name)
    return v
  }
  bool(name: string): boolean | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (typeof v === 'string' && (v === 'true' || v === 'false')) return undefined
    if (typeof v !== 'boolean') this.bad(name, 'true or false')
    this.take(name)
    return v
  }
  enumOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (typeof v !== 'string') this.bad(name, `one of ${values.join(', ')}`)
    if (!(values as readonly string[]).includes(v)) return undefined // kept verbatim; the checks will judge it
    this.take(name)
    return v as T
  }
  /** A map of literal strings, or undefined (kept verbatim) when any value is not a literal string. */
  strMap(name: string): Record<string, string> | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (!isObject(v)) this.bad(name, 'a mapping')
    if (!Object.values(v).every((x) => typeof x === 'string')) return undefined
    this.take(name)
    return Object.fromEntries(Object.entries(v)) as Record<string, string>
  }
  extra(): JsonObject | undefined {
    const entries = Object.entries(this.props).filter(([k]) => !this.used.has(k))
    return entries.length ? (Object.fromEntries(entries) as JsonObject) : undefined
  }
}

function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v
  return target
}

// ------------------------------------------------------------------------------------------ importer

interface ResourceEntry {
  logicalId: string
  type: string
  props: JsonObject
  body: JsonObject
}

class Importer {
  readonly diagnostics: Diagnostic[] = []
  readonly summary: ImportSummary = { imported: [], generated: [], verbatim: [], skipped: [] }
  readonly design: Design = emptyDesign('api')
  /** Valid resources in template order. */
  readonly resources = new Map<string, ResourceEntry>()
  /** Logical id → design entity id. */
  readonly entityOf = new Map<string, EntityId>()
  /** Logical ids handled (modelled or generated); the rest is kept verbatim. */
  readonly consumed = new Set<string>()
  private readonly parameters: Set<string>
  private apiId = ''
  private apiHuman = ''

  constructor(
    readonly template: JsonObject,
    readonly source: string,
  ) {
    this.parameters = new Set(isObject(template.Parameters) ? Object.keys(template.Parameters) : [])
  }

  // ---------------------------------------------------------------------------- diagnostics

  private sourceMap?: SourceMap
  locate(path: PathSegment[]): { line: number; column: number } | undefined {
    try {
      this.sourceMap ??= new SourceMap(this.source)
      return this.sourceMap.locate(path.map(String))
    } catch {
      return undefined
    }
  }

  report(code: string, severity: Diagnostic['severity'], message: string, path: PathSegment[], entity?: string): void {
    const d: Diagnostic = { code, severity, message, field: formatPath(path) }
    if (entity) d.entity = entity
    if (severity !== 'info') {
      const range = this.locate(path)
      if (range) d.range = range
    }
    this.diagnostics.push(d)
  }

  // ---------------------------------------------------------------------------- pass 1: resources

  /** Validates each resource; broken ones (and those that depend on them) are reported and skipped. */
  collectResources(): void {
    const raw = this.template.Resources as JsonObject
    const broken = new Map<string, { code: string; message: string; path: PathSegment[] }>()
    const entries: ResourceEntry[] = []
    for (const [logicalId, body] of Object.entries(raw)) {
      const at: PathSegment[] = ['Resources', logicalId]
      if (!/^[A-Za-z0-9]+$/.test(logicalId)) {
        broken.set(logicalId, { code: 'IMP011', message: `Logical id "${logicalId.slice(0, 80)}" must be alphanumeric.`, path: at })
        continue
      }
      if (!isObject(body)) {
        broken.set(logicalId, { code: 'IMP006', message: `${logicalId}: a resource must be a mapping, not ${describe(body)}.`, path: at })
        continue
      }
      if (typeof body.Type !== 'string' || !body.Type) {
        broken.set(logicalId, { code: 'IMP006', message: `${logicalId}: Type must be a string, not ${describe(body.Type)}.`, path: [...at, 'Type'] })
        continue
      }
      if (body.Properties !== undefined && !isObject(body.Properties)) {
        broken.set(logicalId, {
          code: 'IMP006',
          message: `${logicalId}: Properties must be a mapping, not ${describe(body.Properties)}.`,
          path: [...at, 'Properties'],
        })
        continue
      }
      const unknown = findUnknownIntrinsic(body, at)
      if (unknown) {
        broken.set(logicalId, {
          code: 'IMP004',
          message: `${logicalId}: unknown intrinsic function ${unknown.name} at ${formatPath(unknown.path.slice(2))}.`,
          path: unknown.path,
        })
        continue
      }
      entries.push({ logicalId, type: body.Type, props: (body.Properties as JsonObject | undefined) ?? {}, body })
    }
    // References to missing resources; repeat so a resource depending on a skipped one is skipped too.
    const known = (id: string) =>
      id in PSEUDO_PARAMETERS || this.parameters.has(id) || (Object.prototype.hasOwnProperty.call(raw, id) && !broken.has(id))
    for (let changed = true; changed; ) {
      changed = false
      for (const e of entries) {
        if (broken.has(e.logicalId)) continue
        const refs = referencedIds(e.body, ['Resources', e.logicalId])
        const deps = Array.isArray(e.body.DependsOn) ? e.body.DependsOn : e.body.DependsOn !== undefined ? [e.body.DependsOn] : []
        deps.forEach((d, i) => {
          if (typeof d === 'string') refs.push({ id: d, path: ['Resources', e.logicalId, 'DependsOn', ...(Array.isArray(e.body.DependsOn) ? [i] : [])] })
        })
        const missing = refs.find((r) => !known(r.id))
        if (missing) {
          const skipped = broken.get(missing.id)
          broken.set(e.logicalId, {
            code: skipped ? 'IMP010' : 'IMP005',
            message: skipped
              ? `${e.logicalId}: skipped because it refers to ${missing.id}, which was skipped.`
              : `${e.logicalId}: ${formatPath(missing.path.slice(2))} refers to "${missing.id}", which is not a resource or parameter of this template.`,
            path: missing.path,
          })
          changed = true
        }
      }
    }
    for (const e of entries) if (!broken.has(e.logicalId)) this.resources.set(e.logicalId, e)
    for (const [logicalId, b] of broken) {
      const type = isObject(raw[logicalId]) && typeof (raw[logicalId] as JsonObject).Type === 'string' ? ((raw[logicalId] as JsonObject).Type as string) : undefined
      this.skip(logicalId, type, b.code, b.message, b.path)
    }
  }

  skip(logicalId: string, type: string | undefined, code: string, message: string, path: PathSegment[]): void {
    this.report(code, 'warning', `${message} The resource is left out; the rest imports.`, path)
    this.summary.skipped.push({ logicalId, type, detail: message })
    this.consumed.add(logicalId)
    this.resources.delete(logicalId)
  }

  // ---------------------------------------------------------------------------- APIs

  webSocketApis(): ApiChoice[] {
    const out: ApiChoice[] = []
    for (const r of this.resources.values()) {
      if (r.type !== API_TYPE || r.props.ProtocolType !== 'WEBSOCKET') continue
      const routes = [...this.resources.values()].filter((x) => x.type === `${APIGW}Route` && this.refersTo(x.props.ApiId, r.logicalId)).length
      out.push({ logicalId: r.logicalId, name: typeof r.props.Name === 'string' ? r.props.Name : undefined, routes })
    }
    return out
  }

  refersTo(value: Json | undefined, logicalId: string): boolean {
    return isObject(value) && value.Ref === logicalId && Object.keys(value).length === 1
  }

  refTarget(value: Json | undefined): string | undefined {
    if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1) return value.Ref
    return undefined
  }

  getAttTarget(value: Json | undefined, attribute: string): string | undefined {
    const p = value === undefined ? undefined : toPieces(value)
    if (p && p.length === 1 && typeof p[0] !== 'string' && 'getAtt' in p[0] && p[0].attribute === attribute) return p[0].getAtt
    return undefined
  }

  // ---------------------------------------------------------------------------- text with references

  /** Design text for a string expression, or undefined when part of it cannot be a design reference. */
  text(value: Json | undefined): string | undefined {
    if (value === undefined) return undefined
    const pieces = toPieces(value)
    if (!pieces) return undefined
    return this.piecesText(pieces)
  }

  piecesText(pieces: Piece[]): string | undefined {
    let out = ''
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += escapeRefText(p)
        continue
      }
      const r = this.pieceRef(p)
      if (!r) return undefined
      out += `@{${r.entity}.${r.attribute}}`
    }
    return out
  }

  pieceRef(p: Exclude<Piece, string>): { entity: string; attribute: string } | undefined {
    if ('ref' in p) {
      const pseudo = PSEUDO_PARAMETERS[p.ref]
      if (pseudo) return { entity: 'aws', attribute: pseudo }
      const entity = this.entityOf.get(p.ref)
      const type = this.resources.get(p.ref)?.type
      if (!entity || !type || !REF_ATTRIBUTE[type]) return undefined
      return { entity, attribute: REF_ATTRIBUTE[type] }
    }
    const entity = this.entityOf.get(p.getAtt)
    const type = this.resources.get(p.getAtt)?.type
    if (!entity || !type) return undefined
    const attribute = p.attribute === 'Arn' && !type.startsWith(APIGW) ? 'arn' : GETATT_ATTRIBUTE[type]?.[p.attribute]
    return attribute ? { entity, attribute } : undefined
  }

  /** Entity ids of design resources a string expression refers to, in order. */
  resourceRefs(value: Json | undefined): EntityId[] {
    const pieces = value === undefined ? undefined : toPieces(value)
    const out: EntityId[] = []
    for (const p of pieces ?? []) {
      if (typeof p === 'string') continue
      const id = 'ref' in p ? p.ref : p.getAtt
      const entity = this.entityOf.get(id)
      if (entity && this.design.resources[entity] && !out.includes(entity)) out.push(entity)
    }
    return out
  }

  // ---------------------------------------------------------------------------- entity bookkeeping

  claim(logicalId: string, entity: EntityId, kind: string): void {
    this.entityOf.set(logicalId, entity)
    this.consumed.add(logicalId)
    const type = this.resources.get(logicalId)?.type
    this.summary.imported.push({ logicalId, type, detail: `${kind} ${entity}` })
    this.noteAttributes(logicalId, entity)
  }

  generated(logicalId: string, reason: string): void {
    this.consumed.add(logicalId)
    this.summary.generated.push({ logicalId, type: this.resources.get(logicalId)?.type, detail: reason })
  }

  /**
   * Resource attributes the model cannot hold. `DependsOn` is recreated by the export from the design's own
   * dependencies; a removal policy on a data resource becomes its `removalPolicy`; the rest is reported.
   */
  noteAttributes(logicalId: string, entity: EntityId): void {
    const body = this.resources.get(logicalId)?.body
    if (!body) return
    const target = TARGET_TYPES[String(body.Type)] !== undefined
    const lost: string[] = []
    for (const key of ['Condition', 'UpdatePolicy', 'CreationPolicy']) if (body[key] !== undefined) lost.push(key)
    if (!target) for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) if (body[key] !== undefined) lost.push(key)
    if (target && body.UpdateReplacePolicy !== undefined && body.UpdateReplacePolicy !== body.DeletionPolicy) lost.push('UpdateReplacePolicy')
    if (isObject(body.Metadata) && Object.keys(body.Metadata).some((k) => !k.startsWith('aws:cdk:') && !k.startsWith('cdk_nag'))) lost.push('Metadata')
    for (const key of lost) {
      this.report('IMP024', 'warning', `${logicalId}: ${key} is not kept; the design has no place for it on this resource.`, ['Resources', logicalId, key], entity)
    }
  }

  /** Moves the unknown properties into `cfnExtra` and notes them. */
  keepExtra(target: { cfnExtra?: JsonObject }, p: Props, entity: EntityId): void {
    const extra = p.extra()
    if (!extra) return
    target.cfnExtra = extra
    this.report('IMP020', 'info', `${p.logicalId}: ${Object.keys(extra).join(', ')} kept verbatim.`, ['Resources', p.logicalId, 'Properties'], entity)
  }

  newId(base: string): EntityId {
    return uniqueId(this.design, entityIdBase(base))
  }

  /** Runs a mapping step for one resource; a problem skips just that resource. */
  guarded(entry: ResourceEntry, fn: () => void): boolean {
    try {
      fn()
      return true
    } catch (e) {
      if (!(e instanceof ResourceProblem)) throw e
      this.skip(entry.logicalId, entry.type, e.code, e.message, e.path)
      return false
    }
  }

  ofType(type: string): ResourceEntry[] {
    return [...this.resources.values()].filter((r) => r.type === `${APIGW}${type}` && this.refersTo(r.props.ApiId, this.apiLogicalId))
  }

  apiLogicalId = ''

  // ---------------------------------------------------------------------------- the API

  mapApi(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ProtocolType')
    const api = this.design.api
    const name = p.str('Name')
    const { human, hash } = splitLogicalId(entry.logicalId)
    this.apiHuman = human
    api.name = name ?? (hash ? human : entry.logicalId)
    const cid = hash ? human : entry.logicalId
    if (cid !== api.name) api.constructId = cid
    api.routeSelectionExpression = p.str('RouteSelectionExpression') ?? '$request.body.action'
    assignDefined(api, {
      description: p.str('Description'),
      apiKeySelectionExpression: p.enumOf('ApiKeySelectionExpression', API_KEY_SELECTION_EXPRESSIONS),
      ipAddressType: p.enumOf('IpAddressType', ['ipv4', 'dualstack'] as const),
      disableSchemaValidation: p.bool('DisableSchemaValidation'),
      disableExecuteApiEndpoint: p.bool('DisableExecuteApiEndpoint'),
      tags: p.strMap('Tags'),
    })
    this.keepExtra(api, p, 'api')
    this.apiId = 'api'
    this.claim(entry.logicalId, 'api', 'API')
  }

  // ---------------------------------------------------------------------------- target resources

  /** Logical ids the API's integrations, authorizers and stages point at. */
  targetCandidates(): string[] {
    const out: string[] = []
    const add = (v: Json | undefined) => {
      if (v === undefined) return
      for (const r of referencedIds(v)) if (!out.includes(r.id)) out.push(r.id)
    }
    for (const i of this.ofType('Integration')) {
      add(i.props.IntegrationUri)
      add(i.props.RequestTemplates)
      add(i.props.CredentialsArn)
    }
    for (const a of this.ofType('Authorizer')) {
      add(a.props.AuthorizerUri)
      add(a.props.AuthorizerCredentialsArn)
    }
    for (const s of this.ofType('Stage')) add(isObject(s.props.AccessLogSettings) ? s.props.AccessLogSettings.DestinationArn : undefined)
    return out.filter((id) => this.resources.has(id) && TARGET_TYPES[this.resources.get(id)!.type])
  }

  mapTarget(entry: ResourceEntry): void {
    const kind = TARGET_TYPES[entry.type]
    const p = new Props(entry.logicalId, entry.props)
    const constructId = constructIdFrom(entry.logicalId)
    const removalPolicy = typeof entry.body.DeletionPolicy === 'string' ? REMOVAL[entry.body.DeletionPolicy] : undefined
    let resource: Resource
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
        assignDefined(table, { tableName: this.text(p.raw('TableName')), removalPolicy: removalPolicy ?? 'destroy' })
        if (table.tableName !== undefined) p.take('TableName')
        resource = table
        break
      }
      case 'sqs-queue': {
        const queue: Resource = { type: 'sqs-queue' }
        assignDefined(queue, {
          queueName: this.text(p.raw('QueueName')),
          fifo: p.bool('FifoQueue'),
          contentBasedDeduplication: p.bool('ContentBasedDeduplication'),
          visibilityTimeoutSeconds: p.num('VisibilityTimeout', true),
          removalPolicy: removalPolicy && removalPolicy !== 'destroy' ? removalPolicy : undefined,
        })
        if (queue.queueName !== undefined) p.take('QueueName')
        resource = queue
        break
      }
      case 'sns-topic': {
        const topic: Resource = { type: 'sns-topic' }
        assignDefined(topic, { topicName: this.text(p.raw('TopicName')), fifo: p.bool('FifoTopic'), displayName: this.text(p.raw('DisplayName')) })
        if (topic.topicName !== undefined) p.take('TopicName')
        if (topic.displayName !== undefined) p.take('DisplayName')
        resource = topic
        break
      }
      case 'kinesis-stream': {
        const stream: Resource = { type: 'kinesis-stream' }
        assignDefined(stream, { streamName: this.text(p.raw('Name')), shardCount: p.num('ShardCount', true), removalPolicy: removalPolicy ?? 'destroy' })
        if (stream.streamName !== undefined) p.take('Name')
        if (p.raw('RetentionPeriodHours') === 24) p.take('RetentionPeriodHours')
        const enc = p.raw('StreamEncryption')
        if (isObject(enc) && JSON.stringify(enc).includes('AwsCdkKinesisEncryptedStreamsUnsupportedRegions')) p.take('StreamEncryption')
        resource = stream
        break
      }
      case 'eventbridge-bus': {
        const name = this.text(p.raw('Name'))
        if (name === undefined) throw new ResourceProblem('IMP006', `${entry.logicalId}: Properties.Name must be a string.`, ['Resources', entry.logicalId, 'Properties', 'Name'])
        p.take('Name')
        resource = { type: 'eventbridge-bus', eventBusName: name }
        break
      }
      case 'state-machine': {
        const definition = this.text(p.raw('DefinitionString'))
        const sm: Resource = { type: 'state-machine', definition: definition ?? '' }
        if (definition !== undefined) p.take('DefinitionString')
        assignDefined(sm, {
          stateMachineName: this.text(p.raw('StateMachineName')),
          stateMachineType: p.enumOf('StateMachineType', ['STANDARD', 'EXPRESS'] as const),
        })
        if (sm.stateMachineName !== undefined) p.take('StateMachineName')
        const role = this.getAttTarget(p.raw('RoleArn'), 'Arn')
        if (role && this.isGeneratedServiceRole(role, 'states.amazonaws.com', entry.logicalId)) {
          p.take('RoleArn')
          this.generated(role, `service role of state machine ${entry.logicalId} (created by sfn.StateMachine)`)
        }
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
        assignDefined(fn, {
          functionName: this.text(p.raw('FunctionName')),
          timeoutSeconds: p.num('Timeout', true),
          memorySize: p.num('MemorySize', true),
        })
        if (fn.functionName !== undefined) p.take('FunctionName')
        const env = p.raw('Environment')
        if (isObject(env) && Object.keys(env).length === 1 && isObject(env.Variables) && Object.values(env.Variables).every((v) => typeof v === 'string')) {
          fn.environment = Object.fromEntries(Object.entries(env.Variables).map(([k, v]) => [k, escapeRefText(v as string)]))
          p.take('Environment')
        }
        const role = this.getAttTarget(p.raw('Role'), 'Arn')
        if (role && this.isGeneratedServiceRole(role, 'lambda.amazonaws.com', entry.logicalId)) {
          p.take('Role')
          this.generated(role, `service role of function ${entry.logicalId} (created by lambda.Function)`)
          if (this.takeManageConnectionsPolicy(role)) fn.manageConnections = true
        }
        resource = fn
        break
      }
      case 'iam-role': {
        const role: Resource = { type: 'iam-role' }
        const trust = p.raw('AssumeRolePolicyDocument')
        if (JSON.stringify(trust) === JSON.stringify(assumeRolePolicy('apigateway.amazonaws.com'))) p.take('AssumeRolePolicyDocument')
        assignDefined(role, { roleName: this.text(p.raw('RoleName')) })
        if (role.roleName !== undefined) p.take('RoleName')
        resource = role
        break
      }
      case 'log-group': {
        const lg: Resource = { type: 'log-group' }
        assignDefined(lg, { logGroupName: this.text(p.raw('LogGroupName')), retentionDays: p.num('RetentionInDays', true), removalPolicy: removalPolicy ?? 'destroy' })
        if (lg.logGroupName !== undefined) p.take('LogGroupName')
        resource = lg
        break
      }
      default:
        return
    }
    resource.constructId = constructId
    const id = this.newId(constructId)
    this.keepExtra(resource, p, id)
    this.design.resources[id] = resource
    this.claim(entry.logicalId, id, kind)
  }

  /** A role shaped exactly like the one `lambda.Function` / `sfn.StateMachine` creates, used only by `owner`. */
  isGeneratedServiceRole(roleId: string, service: string, owner: string): boolean {
    const role = this.resources.get(roleId)
    if (!role || role.type !== 'AWS::IAM::Role' || this.consumed.has(roleId)) return false
    const keys = Object.keys(role.props).sort()
    const trust = role.props.AssumeRolePolicyDocument
    if (service === 'lambda.amazonaws.com') {
      if (keys.join() !== 'AssumeRolePolicyDocument,ManagedPolicyArns') return false
      if (JSON.stringify(trust) !== JSON.stringify(assumeRolePolicy(service))) return false
      const managed = JSON.stringify(role.props.ManagedPolicyArns)
      if (managed !== JSON.stringify([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }])) return false
    } else {
      if (keys.join() !== 'AssumeRolePolicyDocument') return false
      if (!JSON.stringify(trust).includes(`"Service":"${service}"`)) return false
    }
    // Nothing else may use the role (other than its own default policy).
    for (const r of this.resources.values()) {
      if (r.logicalId === owner || r.logicalId === roleId) continue
      if (referencedIds(r.body).some((x) => x.id === roleId) && !this.isRolePolicyOf(r, roleId)) return false
    }
    return true
  }

  isRolePolicyOf(r: ResourceEntry, roleId: string): boolean {
    return r.type === 'AWS::IAM::Policy' && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: roleId }])
  }

  /** The default policy of a function's service role that only grants ManageConnections on this API. */
  takeManageConnectionsPolicy(roleId: string): boolean {
    for (const r of this.resources.values()) {
      if (!this.isRolePolicyOf(r, roleId)) continue
      const statements = isObject(r.props.PolicyDocument) ? r.props.PolicyDocument.Statement : undefined
      if (!Array.isArray(statements) || !statements.length) return false
      const all = statements.every((s) => isObject(s) && s.Action === 'execute-api:ManageConnections' && s.Effect === 'Allow' &&
        referencedIds(s.Resource ?? null).some((x) => x.id === this.apiLogicalId))
      if (!all) return false
      this.generated(r.logicalId, `grantManageConnections of the function role ${roleId}`)
      return true
    }
    return false
  }

  // ---------------------------------------------------------------------------- integrations

  credentials(value: Json | undefined): Credentials | undefined {
    if (value === undefined) return undefined
    if (value === 'arn:aws:iam::*:user/*') return { caller: true }
    if (typeof value === 'string') return { arn: escapeRefText(value) }
    const role = this.getAttTarget(value, 'Arn')
    const entity = role ? this.entityOf.get(role) : undefined
    if (entity && this.design.resources[entity]?.type === 'iam-role') return { role: entity }
    return undefined
  }

  lambdaTarget(uri: string): EntityId | undefined {
    const m = LAMBDA_URI.exec(uri)
    if (!m) return undefined
    const fnRef = /^@\{([A-Za-z][A-Za-z0-9_-]*)\.arn\}$/.exec(m[2])
    if (fnRef && this.design.resources[fnRef[1]]) return fnRef[1]
    if (m[2].includes('@{')) return undefined
    const id = this.newId('existingFunction')
    this.design.resources[id] = { type: 'existing', kind: 'lambda-function', arn: m[2] }
    return id
  }

  /** The canonical Lambda invocation URI the export writes for a function. */
  lambdaUri(fn: EntityId): string {
    return `arn:@{aws.partition}:apigateway:@{aws.region}:lambda:path/2015-03-31/functions/@{${fn}.arn}/invocations`
  }

  mapIntegration(entry: ResourceEntry, firstRoute: ResourceEntry | undefined): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const cfnType = p.str('IntegrationType', true)
    const routeHuman = firstRoute ? humanPart(firstRoute.logicalId) : undefined
    const constructId = constructIdFrom(entry.logicalId, routeHuman)
    const id = this.newId(constructId)
    const uriValue = p.raw('IntegrationUri')
    const uri = uriValue === undefined ? undefined : this.text(uriValue)
    let integration: Integration
    switch (cfnType) {
      case 'AWS_PROXY':
      case 'AWS': {
        const fn = uri !== undefined ? this.lambdaTarget(uri) : undefined
        if (fn) {
          integration = { type: cfnType === 'AWS_PROXY' ? 'lambda-proxy' : 'lambda', target: fn }
          p.take('IntegrationUri')
          const target = this.design.resources[fn]
          const canonical = target.type === 'existing'
            ? `arn:@{aws.partition}:apigateway:@{aws.region}:lambda:path/2015-03-31/functions/${target.arn}/invocations`
            : this.lambdaUri(fn)
          if (uri !== canonical) integration.uri = uri
          break
        }
        integration = { type: cfnType === 'AWS_PROXY' ? 'lambda-proxy' : 'aws' }
        const m = uri !== undefined ? SERVICE_URI.exec(uri) : null
        if (m && cfnType === 'AWS') {
          const [, partition, region, subdomain, service, style, rest] = m
          integration.service = service
          if (style === 'action') integration.action = rest
          else integration.path = rest
          if (subdomain) integration.subdomain = subdomain
          if (region !== '@{aws.region}') integration.region = region
          if (partition !== '@{aws.partition}') integration.uri = uri
          p.take('IntegrationUri')
        } else if (uri !== undefined) {
          integration.uri = uri
          p.take('IntegrationUri')
        }
        break
      }
      case 'MOCK':
        integration = { type: 'mock' }
        if (uriValue === '' || uriValue === undefined) p.take('IntegrationUri')
        break
      case 'HTTP':
      case 'HTTP_PROXY':
        integration = { type: cfnType === 'HTTP' ? 'http' : 'http-proxy' }
        if (uri !== undefined) {
          integration.uri = uri
          p.take('IntegrationUri')
        }
        break
      default:
        throw new ResourceProblem(
          'IMP006',
          `${entry.logicalId}: IntegrationType must be AWS, AWS_PROXY, MOCK, HTTP or HTTP_PROXY, not ${describe(entry.props.IntegrationType)}.`,
          ['Resources', entry.logicalId, 'Properties', 'IntegrationType'],
        )
    }
    integration.constructId = constructId
    const credentials = this.credentials(p.raw('CredentialsArn'))
    if (credentials) {
      integration.credentials = credentials
      p.take('CredentialsArn')
    }
    assignDefined(integration, {
      method: p.enumOf('IntegrationMethod', HTTP_METHODS),
      description: p.str('Description'),
      passthroughBehavior: p.enumOf('PassthroughBehavior', PASSTHROUGH_BEHAVIORS),
      contentHandling: p.enumOf('ContentHandlingStrategy', CONTENT_HANDLING),
      requestParameters: p.strMap('RequestParameters'),
      templateSelectionExpression: p.str('TemplateSelectionExpression'),
      timeoutMs: p.num('TimeoutInMillis', true),
      connectionType: p.enumOf('ConnectionType', CONNECTION_TYPES),
      connectionId: p.str('ConnectionId'),
    })
    const templates = p.raw('RequestTemplates')
    if (isObject(templates)) {
      const converted = Object.entries(templates).map(([k, v]) => [k, this.text(v)] as const)
      if (converted.every(([, v]) => v !== undefined)) {
        integration.requestTemplates = Object.fromEntries(converted) as Record<string, string>
        p.take('RequestTemplates')
      }
    } else if (templates !== undefined && !isIntrinsic(templates)) {
      throw new ResourceProblem('IMP006', `${entry.logicalId}: Properties.RequestTemplates must be a mapping, not ${describe(templates)}.`, ['Resources', entry.logicalId, 'Properties', 'RequestTemplates'])
    }
    if (!integration.target && (integration.type === 'aws' || integration.type === 'lambda')) {
      integration.target = this.resourceRefs(uriValue)[0] ?? Object.values(isObject(templates) ? templates : {}).flatMap((t) => this.resourceRefs(t))[0]
      if (integration.target === undefined) delete integration.target
    }
    this.keepExtra(integration, p, id)
    this.design.integrations[id] = integration
    this.claim(entry.logicalId, id, 'integration')
  }

  mapIntegrationResponse(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const integ = this.refTarget(p.raw('IntegrationId'))
    const integrationId = integ ? this.entityOf.get(integ) : undefined
    if (!integrationId || !this.design.integrations[integrationId]) {
      throw new ResourceProblem('IMP006', `${entry.logicalId}: IntegrationId must be a Ref to an integration of the API.`, ['Resources', entry.logicalId, 'Properties', 'IntegrationId'])
    }
    p.take('IntegrationId')
    const key = p.required('IntegrationResponseKey', '$default')
    const response: IntegrationResponse = {}
    const templates = p.raw('ResponseTemplates')
    if (isObject(templates)) {
      const converted = Object.entries(templates).map(([k, v]) => [k, this.text(v)] as const)
      if (converted.every(([, v]) => v !== undefined)) {
        response.templates = Object.fromEntries(converted) as Record<string, string>
        p.take('ResponseTemplates')
      }
    }
    assignDefined(response, {
      templateSelectionExpression: p.str('TemplateSelectionExpression'),
      contentHandling: p.enumOf('ContentHandlingStrategy', CONTENT_HANDLING),
      responseParameters: p.strMap('ResponseParameters'),
    })
    this.keepExtra(response, p, integrationId)
    const integration = this.design.integrations[integrationId]
    integration.responses = { ...(integration.responses ?? {}), [key]: response }
    this.claim(entry.logicalId, integrationId, `integration response ${key} of`)
    this.entityOf.delete(entry.logicalId)
  }

  // ---------------------------------------------------------------------------- authorizers

  mapAuthorizer(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const type = p.str('AuthorizerType', true)
    if (type !== 'REQUEST') {
      throw new ResourceProblem('IMP006', `${entry.logicalId}: a WebSocket authorizer must be of type REQUEST, not ${describe(entry.props.AuthorizerType)}.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizerType'])
    }
    const constructId = constructIdFrom(entry.logicalId, this.apiHuman)
    const id = this.newId(constructId)
    const authorizer: Authorizer = { type: 'lambda', constructId }
    const uri = this.text(p.raw('AuthorizerUri'))
    const fn = uri !== undefined ? this.lambdaTarget(uri) : undefined
    if (fn) {
      authorizer.function = fn
      p.take('AuthorizerUri')
    }
    const name = p.str('Name')
    if (name !== undefined && name !== constructId) authorizer.name = name
    const sources = p.raw('IdentitySource')
    if (Array.isArray(sources) && sources.every((s) => typeof s === 'string')) {
      p.take('IdentitySource')
      authorizer.identitySource = sources as string[]
    }
    const credentials = this.credentials(p.raw('AuthorizerCredentialsArn'))
    if (credentials) {
      authorizer.credentials = credentials
      p.take('AuthorizerCredentialsArn')
    }
    this.keepExtra(authorizer, p, id)
    this.design.authorizers[id] = authorizer
    this.claim(entry.logicalId, id, 'authorizer')
  }

  // ---------------------------------------------------------------------------- routes

  iamAuthorizer(): EntityId {
    const existing = Object.entries(this.design.authorizers).find(([, a]) => a.type === 'iam')
    if (existing) return existing[0]
    const id = this.newId('iamAuth')
    this.design.authorizers[id] = { type: 'iam' }
    return id
  }

  /** The integration logical id a route `Target` points at. */
  targetIntegration(value: Json | undefined): string | undefined {
    const pieces = value === undefined ? undefined : toPieces(value)
    if (pieces && pieces.length === 2 && pieces[0] === 'integrations/' && typeof pieces[1] !== 'string' && 'ref' in pieces[1]) return pieces[1].ref
    return undefined
  }

  mapRoute(entry: ResourceEntry, responses: ResourceEntry[]): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const key = p.required('RouteKey', entry.logicalId)
    const base = key === '$connect' ? 'connect' : key === '$disconnect' ? 'disconnect' : key === '$default' ? 'default' : key
    const id = this.newId(base)
    const route: Route = { key }
    const targetValue = p.raw('Target')
    if (targetValue !== undefined) {
      const integ = this.targetIntegration(targetValue)
      const integId = integ ? this.entityOf.get(integ) : undefined
      if (integId && this.design.integrations[integId]) {
        route.integration = integId
        p.take('Target')
      } else {
        this.report('IMP022', 'warning', `${entry.logicalId}: Target ${describe(targetValue)} does not name an integration of this template; kept verbatim.`, ['Resources', entry.logicalId, 'Properties', 'Target'], id)
      }
    }
    const authValue = p.raw('AuthorizationType')
    if (authValue !== undefined && !isIntrinsic(authValue) && typeof authValue !== 'string') p.str('AuthorizationType')
    const authType = typeof authValue === 'string' ? authValue : undefined
    if (authType === 'CUSTOM') {
      const auth = this.refTarget(p.raw('AuthorizerId'))
      const authId = auth ? this.entityOf.get(auth) : undefined
      if (authId && this.design.authorizers[authId]) {
        route.authorizer = authId
        p.take('AuthorizerId')
        p.take('AuthorizationType')
      } else {
        // AuthorizationType and AuthorizerId both stay verbatim so the route stays as it was.
        this.report('IMP022', 'warning', `${entry.logicalId}: AuthorizerId does not name an authorizer of this API; kept verbatim.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizerId'], id)
      }
    } else if (authType === 'AWS_IAM') {
      route.authorizer = this.iamAuthorizer()
      p.take('AuthorizationType')
    } else if (authType === 'NONE') p.take('AuthorizationType')
    else if (authType !== undefined) {
      throw new ResourceProblem('IMP006', `${entry.logicalId}: AuthorizationType must be NONE, AWS_IAM or CUSTOM, not ${describe(entry.props.AuthorizationType)}.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizationType'])
    }
    assignDefined(route, {
      apiKeyRequired: p.bool('ApiKeyRequired'),
      operationName: p.str('OperationName'),
      modelSelectionExpression: p.str('ModelSelectionExpression'),
      requestModels: p.strMap('RequestModels'),
    })
    const params = p.raw('RequestParameters')
    if (isObject(params) && Object.values(params).every((v) => isObject(v) && typeof v.Required === 'boolean' && Object.keys(v).length === 1)) {
      route.requestParameters = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { required: (v as JsonObject).Required as boolean }]))
      p.take('RequestParameters')
    }
    const rrse = p.raw('RouteResponseSelectionExpression')
    const defaultResponse = responses.find((r) => r.props.RouteResponseKey === '$default')
    if (rrse === '$default' && defaultResponse) {
      route.twoWay = true
      p.take('RouteResponseSelectionExpression')
      const rp = new Props(defaultResponse.logicalId, defaultResponse.props)
      for (const k of ['ApiId', 'RouteId', 'RouteResponseKey']) rp.take(k)
      const extra = rp.extra()
      if (extra) route.routeResponseExtra = extra
      this.claim(defaultResponse.logicalId, id, 'route response of')
      this.entityOf.delete(defaultResponse.logicalId)
    }
    this.keepExtra(route, p, id)
    this.design.routes[id] = route
    this.claim(entry.logicalId, id, 'route')
  }

  // ---------------------------------------------------------------------------- stages, domains, models

  mapStage(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const name = p.required('StageName', entry.logicalId)
    const constructId = constructIdFrom(entry.logicalId)
    const id = this.newId(name)
    const stage: Stage = { name, constructId }
    assignDefined(stage, {
      autoDeploy: p.bool('AutoDeploy'),
      description: p.str('Description'),
      stageVariables: p.strMap('StageVariables'),
      tags: p.strMap('Tags'),
    })
    const drs = p.raw('DefaultRouteSettings')
    if (isObject(drs)) {
      const s = this.routeSettings(drs)
      if (s) {
        p.take('DefaultRouteSettings')
        if (s.throttlingRateLimit !== undefined || s.throttlingBurstLimit !== undefined) {
          stage.throttle = assignDefined({}, { rateLimit: s.throttlingRateLimit, burstLimit: s.throttlingBurstLimit })
        }
        assignDefined(stage, { detailedMetricsEnabled: s.detailedMetricsEnabled, loggingLevel: s.loggingLevel, dataTraceEnabled: s.dataTraceEnabled })
      }
    }
    const rs = p.raw('RouteSettings')
    if (isObject(rs)) {
      const converted = Object.entries(rs).map(([k, v]) => [k, isObject(v) ? this.routeSettings(v) : undefined] as const)
      if (converted.every(([, v]) => v !== undefined)) {
        stage.routeSettings = Object.fromEntries(converted) as Record<string, RouteSettings>
        p.take('RouteSettings')
      }
    }
    const als = p.raw('AccessLogSettings')
    if (isObject(als) && Object.keys(als).every((k) => k === 'DestinationArn' || k === 'Format')) {
      const lg = this.getAttTarget(als.DestinationArn, 'Arn')
      const lgId = lg ? this.entityOf.get(lg) : undefined
      const format = als.Format
      if ((format === undefined || typeof format === 'string') && lgId && this.design.resources[lgId]?.type === 'log-group') {
        stage.accessLog = format === undefined ? { destination: { logGroup: lgId } } : { destination: { logGroup: lgId }, format }
        p.take('AccessLogSettings')
      } else if ((format === undefined || typeof format === 'string') && typeof als.DestinationArn === 'string') {
        const destination = { arn: escapeRefText(als.DestinationArn) }
        stage.accessLog = format === undefined ? { destination } : { destination, format }
        p.take('AccessLogSettings')
      }
    }
    const dep = this.refTarget(p.raw('DeploymentId'))
    const deployment = dep ? this.resources.get(dep) : undefined
    if (deployment && deployment.type === `${APIGW}Deployment` && this.isPlainDeployment(deployment)) {
      p.take('DeploymentId')
      stage.deployment = true
      this.generated(deployment.logicalId, `deployment of stage ${name}`)
    }
    this.keepExtra(stage, p, id)
    this.design.stages[id] = stage
    this.claim(entry.logicalId, id, 'stage')
  }

  isPlainDeployment(d: ResourceEntry): boolean {
    return Object.keys(d.props).every((k) => k === 'ApiId' || k === 'StageName' || k === 'Description') && this.refersTo(d.props.ApiId, this.apiLogicalId)
  }

  routeSettings(v: JsonObject): RouteSettings | undefined {
    const s: RouteSettings = {}
    for (const [k, x] of Object.entries(v)) {
      if (k === 'ThrottlingRateLimit' && typeof x === 'number') s.throttlingRateLimit = x
      else if (k === 'ThrottlingBurstLimit' && typeof x === 'number' && Number.isInteger(x)) s.throttlingBurstLimit = x
      else if (k === 'DetailedMetricsEnabled' && typeof x === 'boolean') s.detailedMetricsEnabled = x
      else if (k === 'DataTraceEnabled' && typeof x === 'boolean') s.dataTraceEnabled = x
      else if (k === 'LoggingLevel' && typeof x === 'string' && (LOGGING_LEVELS as readonly string[]).includes(x)) s.loggingLevel = x as RouteSettings['loggingLevel']
      else return undefined
    }
    return s
  }

  mapDeployments(): void {
    for (const d of this.ofType('Deployment')) {
      if (this.consumed.has(d.logicalId)) continue
      const stageName = d.props.StageName
      const stage = Object.values(this.design.stages).find((s) => s.name === stageName)
      if (stage && this.isPlainDeployment(d)) {
        stage.deployment = true
        this.generated(d.logicalId, `deployment of stage ${stage.name}`)
      }
    }
    for (const s of Object.values(this.design.stages)) if (!s.autoDeploy && s.deployment === undefined) s.deployment = false
  }

  mapDomain(entry: ResourceEntry): EntityId {
    const p = new Props(entry.logicalId, entry.props)
    const domainName = p.required('DomainName', entry.logicalId)
    const constructId = constructIdFrom(entry.logicalId)
    const id = this.newId(constructId)
    const configs = p.raw('DomainNameConfigurations')
    const domain: Design['domains'][string] = { domainName, certificateArn: '', constructId }
    const config = Array.isArray(configs) && configs.length === 1 && isObject(configs[0]) ? configs[0] : undefined
    if (config && typeof config.CertificateArn === 'string' &&
      Object.keys(config).every((k) => ['CertificateArn', 'EndpointType', 'SecurityPolicy'].includes(k)) &&
      (config.EndpointType === undefined || config.EndpointType === 'REGIONAL') &&
      (config.SecurityPolicy === undefined || config.SecurityPolicy === 'TLS_1_2')) {
      domain.certificateArn = escapeRefText(config.CertificateArn)
      assignDefined(domain, { endpointType: config.EndpointType as 'REGIONAL' | undefined, securityPolicy: config.SecurityPolicy as 'TLS_1_2' | undefined })
      p.take('DomainNameConfigurations')
    }
    this.keepExtra(domain, p, id)
    this.design.domains[id] = domain
    this.claim(entry.logicalId, id, 'domain')
    return id
  }

  mapApiMapping(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    const domainRef = this.refTarget(p.raw('DomainName'))
    const domainEntry = domainRef ? this.resources.get(domainRef) : undefined
    const stageValue = p.raw('Stage')
    const stageRef = this.refTarget(stageValue)
    const stageId = stageRef
      ? this.entityOf.get(stageRef)
      : Object.entries(this.design.stages).find(([, s]) => s.name === stageValue)?.[0]
    const extraKeys = Object.keys(entry.props).filter((k) => !['ApiId', 'DomainName', 'Stage', 'ApiMappingKey'].includes(k))
    const key = p.raw('ApiMappingKey')
    if (!domainEntry || domainEntry.type !== `${APIGW}DomainName` || !stageId || !this.design.stages[stageId] ||
      this.design.stages[stageId].domainMapping || extraKeys.length || (key !== undefined && typeof key !== 'string')) {
      this.report('IMP021', 'info', `${entry.logicalId}: this API mapping cannot be modelled; kept verbatim.`, ['Resources', entry.logicalId], this.apiId)
      return
    }
    let domainId = this.entityOf.get(domainEntry.logicalId)
    if (!domainId) {
      this.guarded(domainEntry, () => {
        domainId = this.mapDomain(domainEntry)
      })
      if (!domainId) return
    }
    this.design.stages[stageId].domainMapping = typeof key === 'string' ? { domain: domainId, mappingKey: key } : { domain: domainId }
    this.claim(entry.logicalId, stageId, 'domain mapping of stage')
    this.entityOf.delete(entry.logicalId)
  }

  mapModel(entry: ResourceEntry): void {
    const p = new Props(entry.logicalId, entry.props)
    p.take('ApiId')
    const name = p.required('Name', entry.logicalId)
    const id = this.newId(name)
    const schemaValue = p.raw('Schema')
    let schema: Json = {}
    if (isObject(schemaValue) && !isIntrinsic(schemaValue)) {
      schema = schemaValue
      p.take('Schema')
    } else if (typeof schemaValue === 'string') {
      try {
        schema = JSON.parse(schemaValue) as Json
        if (JSON.stringify(schema) === schemaValue) p.take('Schema')
      } catch {
        /* kept verbatim */
      }
    }
    const model: Design['models'][string] = { name, contentType: p.str('ContentType') ?? 'application/json', schema }
    assignDefined(model, { description: p.str('Description') })
    this.keepExtra(model, p, id)
    this.design.models[id] = model
    this.claim(entry.logicalId, id, 'model')
  }

  // ---------------------------------------------------------------------------- generated by the CDK

  /** Lambda permissions for routes and authorizers of this API, and grant policies on modelled roles. */
  recogniseGenerated(): void {
    const routeKeys = new Set(Object.values(this.design.routes).map((r) => r.key))
    for (const r of this.resources.values()) {
      if (this.consumed.has(r.logicalId)) continue
      if (r.type === 'AWS::CDK::Metadata') {
        this.generated(r.logicalId, 'CDK metadata')
        continue
      }
      if (r.type === 'AWS::Lambda::Permission') {
        const fn = this.getAttTarget(r.props.FunctionName, 'Arn') ?? this.refTarget(r.props.FunctionName)
        const fnEntity = fn ? this.entityOf.get(fn) : undefined
        if (!fnEntity || r.props.Principal !== 'apigateway.amazonaws.com' || r.props.Action !== 'lambda:InvokeFunction') continue
        if (Object.keys(r.props).some((k) => !['Action', 'FunctionName', 'Principal', 'SourceArn'].includes(k))) continue
        const pieces = toPieces(r.props.SourceArn ?? null)
        if (!pieces) continue
        const last = pieces[pieces.length - 1]
        // Authorizer ids are not design references: match `…/authorizers/<Ref authorizer>` by logical id.
        const authLogical = last !== undefined && typeof last !== 'string' && 'ref' in last ? last.ref : undefined
        const authEntity = authLogical ? this.entityOf.get(authLogical) : undefined
        const isAuth = authEntity !== undefined && this.design.authorizers[authEntity]?.function === fnEntity
        const text = this.piecesText(isAuth ? pieces.slice(0, -1) : pieces)
        const prefix = 'arn:@{aws.partition}:execute-api:@{aws.region}:@{aws.accountId}:@{api.id}/'
        if (!text?.startsWith(prefix)) continue
        const suffix = text.slice(prefix.length)
        if (isAuth) {
          if (suffix === 'authorizers/') this.generated(r.logicalId, 'invoke permission for the authorizer (WebSocketLambdaAuthorizer)')
          continue
        }
        const routeKey = suffix.startsWith('*') ? suffix.slice(1) : undefined
        const usedByRoute = routeKey !== undefined && routeKeys.has(routeKey) &&
          Object.values(this.design.routes).some((rt) => rt.key === routeKey && rt.integration && this.design.integrations[rt.integration]?.type === 'lambda-proxy' && this.design.integrations[rt.integration].target === fnEntity)
        if (usedByRoute) this.generated(r.logicalId, `invoke permission for route ${routeKey} (WebSocketLambdaIntegration)`)
      }
    }
    for (const role of Object.entries(this.design.resources).filter(([, x]) => x.type === 'iam-role')) this.absorbRolePolicies(role[0])
  }

  /** Grant statements the export regenerates are dropped; the others become `extraStatements`. */
  absorbRolePolicies(roleEntity: EntityId): void {
    const roleLogical = [...this.entityOf].find(([, e]) => e === roleEntity)?.[0]
    if (!roleLogical) return
    const role = this.design.resources[roleEntity] as Extract<Resource, { type: 'iam-role' }>
    const expected = new Set<string>()
    const users = [
      ...Object.keys(this.design.integrations).filter((i) => {
        const c = this.design.integrations[i].credentials
        return c && 'role' in c && c.role === roleEntity
      }).map((i) => integrationPermission(this.design, i)),
      ...Object.keys(this.design.authorizers).filter((a) => {
        const c = this.design.authorizers[a].credentials
        return c && 'role' in c && c.role === roleEntity
      }).map((a) => authorizerPermission(this.design, a)),
    ]
    for (const u of users) {
      if (!u.ok || !u.permission) continue
      expected.add(JSON.stringify([u.permission.actions, `@{${u.permission.resource}.arn}`]))
    }
    const grantKey = (st: Json): string | undefined => {
      if (!isObject(st) || st.Effect !== 'Allow' || Object.keys(st).some((k) => !['Action', 'Effect', 'Resource'].includes(k))) return undefined
      const actions = typeof st.Action === 'string' ? [st.Action] : st.Action
      const resource = Array.isArray(st.Resource) && st.Resource.length === 1 ? st.Resource[0] : st.Resource
      const text = this.text(resource)
      return Array.isArray(actions) && text !== undefined ? JSON.stringify([actions, text]) : undefined
    }
    for (const r of this.resources.values()) {
      if (this.consumed.has(r.logicalId) || !this.isRolePolicyOf(r, roleLogical)) continue
      const doc = r.props.PolicyDocument
      if (!isObject(doc) || !Array.isArray(doc.Statement) || Object.keys(doc).some((k) => k !== 'Statement' && k !== 'Version')) continue
      if (Object.keys(r.props).some((k) => !['PolicyDocument', 'PolicyName', 'Roles'].includes(k))) continue
      if (r.props.PolicyName !== r.logicalId) continue
      const extra = doc.Statement.filter((st) => !expected.has(grantKey(st) ?? ''))
      if (extra.length) role.extraStatements = [...(role.extraStatements ?? []), ...extra]
      this.generated(r.logicalId, `policy of role ${roleLogical}${extra.length ? ` (${extra.length} statement(s) kept as extraStatements)` : ''}`)
    }
  }

  // ---------------------------------------------------------------------------- verbatim

  keepVerbatim(): void {
    const t = this.template
    const cfn: Design['cloudformation'] = {}
    const section = (name: 'Parameters' | 'Conditions' | 'Mappings' | 'Outputs' | 'Metadata' | 'Rules') => {
      const v = t[name]
      if (v === undefined) return
      if (!isObject(v)) {
        this.report('IMP006', 'warning', `${name} must be a mapping, not ${describe(v)}; left out.`, [name])
        return
      }
      const entries = Object.entries(v).filter(([k, x]) => !this.isCdkExtra(name, k, x))
      for (const [k] of Object.entries(v)) if (this.isCdkExtra(name, k, v[k])) this.summary.generated.push({ logicalId: k, type: name, detail: 'CDK bootstrap/metadata' })
      if (entries.length) {
        cfn[name] = Object.fromEntries(entries) as JsonObject
        for (const [k] of entries) this.summary.verbatim.push({ logicalId: k, type: name, detail: `${name} entry` })
      }
    }
    section('Parameters')
    section('Conditions')
    section('Mappings')
    section('Outputs')
    section('Metadata')
    section('Rules')
    if (t.Transform !== undefined) cfn.Transform = t.Transform
    if (typeof t.Description === 'string') cfn.Description = t.Description
    const resources: [string, Json][] = []
    const modelled = new Set(this.entityOf.keys())
    for (const r of this.resources.values()) {
      if (this.consumed.has(r.logicalId)) continue
      resources.push([r.logicalId, r.body])
      this.summary.verbatim.push({ logicalId: r.logicalId, type: r.type, detail: 'resource' })
      const refs = referencedIds(r.body).filter((x) => modelled.has(x.id) && !splitLogicalId(x.id).hash)
      if (refs.length) {
        this.report('IMP023', 'warning', `${r.logicalId} (kept verbatim) refers to ${[...new Set(refs.map((x) => x.id))].join(', ')}, which the export may rename.`, ['Resources', r.logicalId])
      } else {
        this.report('IMP021', 'info', `${r.logicalId} (${r.type}) kept verbatim.`, ['Resources', r.logicalId])
      }
    }
    if (resources.length) cfn.Resources = Object.fromEntries(resources) as JsonObject
    const referenced = new Map<string, EntityId>()
    for (const value of [cfn.Resources, cfn.Outputs, cfn.Conditions, cfn.Parameters, cfn.Rules, cfn.Metadata]) {
      if (value === undefined) continue
      for (const r of referencedIds(value)) {
        const entity = this.entityOf.get(r.id)
        if (entity) referenced.set(r.id, entity)
      }
    }
    if (referenced.size) cfn.logicalIds = Object.fromEntries(referenced)
    for (const name of ['Outputs', 'Conditions'] as const) {
      const refs = cfn[name] ? referencedIds(cfn[name] as Json).filter((x) => modelled.has(x.id) && !splitLogicalId(x.id).hash) : []
      if (refs.length) {
        this.report('IMP023', 'warning', `${name} (kept verbatim) refer to ${[...new Set(refs.map((x) => x.id))].join(', ')}, which the export may rename.`, [name])
      }
    }
    if (Object.keys(cfn).length) this.design.cloudformation = cfn
  }

  isCdkExtra(section: string, key: string, value: Json): boolean {
    if (section === 'Parameters' && key === 'BootstrapVersion') return isObject(value) && typeof value.Default === 'string' && value.Default.startsWith('/cdk-bootstrap/')
    if (section === 'Rules' && key === 'CheckBootstrapVersion') return true
    if (section === 'Conditions' && key === 'CDKMetadataAvailable') return true
    if (section === 'Conditions' && key === 'AwsCdkKinesisEncryptedStreamsUnsupportedRegions') {
      return Object.values(this.design.resources).some((r) => r.type === 'kinesis-stream')
    }
    return false
  }

  // ---------------------------------------------------------------------------- run

  run(): void {
    // Targets first, so URIs and templates can refer to them; roles before integrations use them.
    const targets = this.targetCandidates()
    const order = (t: string) => (t === 'AWS::IAM::Role' ? 1 : 0)
    for (const id of targets.sort((a, b) => order(this.resources.get(a)!.type) - order(this.resources.get(b)!.type))) {
      const entry = this.resources.get(id)
      if (entry && !this.consumed.has(id)) this.guarded(entry, () => this.mapTarget(entry))
    }
    const routes = this.ofType('Route')
    for (const i of this.ofType('Integration')) {
      const first = routes.find((r) => this.targetIntegration(r.props.Target) === i.logicalId)
      this.guarded(i, () => this.mapIntegration(i, first))
    }
    for (const r of this.ofType('IntegrationResponse')) this.guarded(r, () => this.mapIntegrationResponse(r))
    for (const a of this.ofType('Authorizer')) this.guarded(a, () => this.mapAuthorizer(a))
    const responses = this.ofType('RouteResponse')
    for (const r of routes) {
      this.guarded(r, () => this.mapRoute(r, responses.filter((x) => this.refersTo(x.props.RouteId, r.logicalId))))
    }
    for (const m of this.ofType('Model')) this.guarded(m, () => this.mapModel(m))
    for (const s of this.ofType('Stage')) this.guarded(s, () => this.mapStage(s))
    this.mapDeployments()
    for (const m of this.ofType('ApiMapping')) this.guarded(m, () => this.mapApiMapping(m))
    this.recogniseGenerated()
    this.keepVerbatim()
  }

  setApi(logicalId: string): void {
    this.apiLogicalId = logicalId
  }
}

export function assumeRolePolicy(service: string): Json {
  return { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }], Version: '2012-10-17' }
}

// ------------------------------------------------------------------------------------------ entry points

type Prepared = { ok: true; importer: Importer; format: 'json' | 'yaml' } | { ok: false; errors: Diagnostic[] }

function prepare(text: string): Prepared {
  const parsed = parseTemplateText(text)
  if (!parsed.ok) return parsed
  const t = parsed.value
  if (!isObject(t)) {
    return { ok: false, errors: [{ code: 'IMP002', severity: 'error', message: `This is not a CloudFormation template: expected a mapping with "Resources", not ${describe(t)}.`, range: { line: 1, column: 1 } }] }
  }
  if (!isObject(t.Resources)) {
    const importer = new Importer(t, text)
    return {
      ok: false,
      errors: [{
        code: 'IMP002',
        severity: 'error',
        message: t.Resources === undefined
          ? 'This is not a CloudFormation template: it has no "Resources" section.'
          : `This is not a CloudFormation template: "Resources" must be a mapping, not ${describe(t.Resources)}.`,
        field: 'Resources',
        range: (t.Resources !== undefined ? importer.locate(['Resources']) : undefined) ?? { line: 1, column: 1 },
      }],
    }
  }
  const importer = new Importer(t, text)
  importer.collectResources()
  return { ok: true, importer, format: parsed.format }
}

/** The WebSocket APIs in a template (for the "which API?" question). */
export function listWebSocketApis(text: string): { ok: true; apis: ApiChoice[] } | { ok: false; errors: Diagnostic[] } {
  const prepared = prepare(text)
  if (!prepared.ok) return prepared
  return { ok: true, apis: prepared.importer.webSocketApis() }
}

/** Imports a template without layout (all positions empty); `importTemplate` adds the auto-layout. */
export function importTemplateSync(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importUnguarded(text, options)
  } catch (e) {
    // A bug must not take the caller down; report it as data.
    return { ok: false, errors: [{ code: 'IMP099', severity: 'error', message: `The import failed unexpectedly: ${e instanceof Error ? e.message : String(e)}` }] }
  }
}

function importUnguarded(text: string, options: ImportOptions): ImportResult {
  const prepared = prepare(text)
  if (!prepared.ok) return prepared
  const { importer } = prepared
  const apis = importer.webSocketApis()
  const otherApis = [...importer.resources.values()].filter((r) => r.type === API_TYPE && r.props.ProtocolType !== 'WEBSOCKET')
  if (options.api !== undefined) {
    if (!apis.some((a) => a.logicalId === options.api)) {
      const skipped = importer.summary.skipped.find((s) => s.logicalId === options.api)
      return {
        ok: false,
        errors: [...(skipped ? importer.diagnostics : []), {
          code: 'IMP009',
          severity: 'error',
          message: skipped
            ? `The WebSocket API ${options.api} cannot be imported: ${skipped.detail}`
            : `The template has no WebSocket API with logical id "${options.api}"${apis.length ? `; it has ${apis.map((a) => a.logicalId).join(', ')}` : ''}.`,
        }],
        apiChoices: apis,
      }
    }
  } else if (apis.length === 0) {
    const skippedApis = importer.summary.skipped.filter((s) => s.type === API_TYPE)
    return {
      ok: false,
      errors: [...(skippedApis.length ? importer.diagnostics : []), {
        code: 'IMP007',
        severity: 'error',
        message: skippedApis.length
          ? `The template's WebSocket API ${skippedApis.map((s) => s.logicalId).join(', ')} cannot be imported (see above).`
          : `The template has no WebSocket API (no AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET)${otherApis.length ? `; ${otherApis.map((a) => a.logicalId).join(', ')} ${otherApis.length === 1 ? 'is an HTTP API' : 'are HTTP APIs'}` : ''}.`,
        range: importer.locate(['Resources']) ?? { line: 1, column: 1 },
      }],
    }
  } else if (apis.length > 1) {
    return {
      ok: false,
      errors: [{
        code: 'IMP008',
        severity: 'error',
        message: `The template has ${apis.length} WebSocket APIs (${apis.map((a) => a.logicalId).join(', ')}); choose one (CLI: --api <logical id>).`,
      }],
      apiChoices: apis,
    }
  }
  const apiLogicalId = options.api ?? apis[0].logicalId
  importer.setApi(apiLogicalId)
  const apiEntry = importer.resources.get(apiLogicalId)!
  if (!importer.guarded(apiEntry, () => importer.mapApi(apiEntry))) return { ok: false, errors: importer.diagnostics.map((d) => ({ ...d, severity: 'error' as const })) }
  importer.run()
  return {
    ok: true,
    document: { design: importer.design, layout: {} },
    diagnostics: importer.diagnostics,
    summary: importer.summary,
    apiLogicalId,
    format: prepared.format,
  }
}
