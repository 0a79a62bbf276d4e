/**
 * What a node shows at a glance, per entity kind: an icon for its kind and service, a caption, its name and
 * its key facts (a route's integration, an integration's type, action and target, a resource's physical name).
 * Presentation only: reads an entity, returns labels.
 */
import { presetOf } from '../../model/ops'
import { physicalName } from '../../model/queries'
import type { Api, Authorizer, EntityId, EntityKind, Integration, Resource, Route, Stage } from '../../model/types'

/** A short glyph on a coloured tile. The caption says the same in words, so the icon is decorative. */
export interface NodeIcon {
  glyph: string
  /** Tile colour family (canvas.css): each has at least 4.5:1 contrast with the white glyph. */
  tone: 'api' | 'stage' | 'route' | 'database' | 'messaging' | 'streaming' | 'compute' | 'security' | 'logs' | 'network' | 'neutral'
}

export interface NodeSummary {
  icon: NodeIcon
  /** Small caption above the title, e.g. "Route", "AWS integration · DynamoDB". */
  caption: string
  title: string
  /** Key facts, e.g. "PutItem → table". */
  detail?: string
}

const RESOURCE_LABEL: Record<Resource['type'], string> = {
  'dynamodb-table': 'DynamoDB table',
  'sqs-queue': 'SQS queue',
  'sns-topic': 'SNS topic',
  'kinesis-stream': 'Kinesis stream',
  'eventbridge-bus': 'EventBridge bus',
  'state-machine': 'State machine',
  'lambda-function': 'Lambda function',
  'iam-role': 'IAM role',
  'log-group': 'Log group',
  existing: 'Existing resource',
}

const RESOURCE_ICON: Record<Resource['type'], NodeIcon> = {
  'dynamodb-table': { glyph: 'DDB', tone: 'database' },
  'sqs-queue': { glyph: 'SQS', tone: 'messaging' },
  'sns-topic': { glyph: 'SNS', tone: 'messaging' },
  'kinesis-stream': { glyph: 'KDS', tone: 'streaming' },
  'eventbridge-bus': { glyph: 'EB', tone: 'messaging' },
  'state-machine': { glyph: 'SFN', tone: 'messaging' },
  'lambda-function': { glyph: 'λ', tone: 'compute' },
  'iam-role': { glyph: 'IAM', tone: 'security' },
  'log-group': { glyph: 'LOG', tone: 'logs' },
  existing: { glyph: 'ARN', tone: 'neutral' },
}

/** AWS service names as API Gateway's integration URI spells them (`arn:aws:apigateway:…:<service>:action/…`). */
const SERVICE: Record<string, { name: string; icon: NodeIcon }> = {
  dynamodb: { name: 'DynamoDB', icon: RESOURCE_ICON['dynamodb-table'] },
  sqs: { name: 'SQS', icon: RESOURCE_ICON['sqs-queue'] },
  sns: { name: 'SNS', icon: RESOURCE_ICON['sns-topic'] },
  kinesis: { name: 'Kinesis', icon: RESOURCE_ICON['kinesis-stream'] },
  events: { name: 'EventBridge', icon: RESOURCE_ICON['eventbridge-bus'] },
  states: { name: 'Step Functions', icon: RESOURCE_ICON['state-machine'] },
  lambda: { name: 'Lambda', icon: RESOURCE_ICON['lambda-function'] },
}

const INTEGRATION_LABEL: Record<Integration['type'], string> = {
  aws: 'AWS integration',
  'lambda-proxy': 'Lambda proxy integration',
  lambda: 'Lambda integration',
  mock: 'Mock integration',
  http: 'HTTP integration',
  'http-proxy': 'HTTP proxy integration',
}

const INTEGRATION_ICON: Record<Exclude<Integration['type'], 'aws'>, NodeIcon> = {
  'lambda-proxy': { glyph: 'λ', tone: 'compute' },
  lambda: { glyph: 'λ', tone: 'compute' },
  mock: { glyph: 'MOCK', tone: 'neutral' },
  http: { glyph: 'HTTP', tone: 'network' },
  'http-proxy': { glyph: 'HTTP', tone: 'network' },
}

function serviceOf(service: string | undefined): { name: string; icon: NodeIcon } {
  const known = service !== undefined && Object.hasOwn(SERVICE, service) ? SERVICE[service] : undefined
  return known ?? { name: service ?? 'AWS', icon: { glyph: (service ?? 'AWS').slice(0, 4).toUpperCase(), tone: 'neutral' } }
}

function resourceName(r: Resource): string | undefined {
  if (r.type === 'iam-role') return r.roleName ?? (r.existingArn ? 'existing role' : 'generated, least privilege')
  if (r.type === 'existing') return r.name ?? r.arn
  return physicalName(r)
}

/** "PutItem → table", "→ fn", "GET https://…": what the integration does and where it goes. */
function integrationFacts(i: Integration): string | undefined {
  const target = i.target ? `→ ${i.target}` : undefined
  if (i.type === 'aws') return [i.action ?? (i.path ? `path ${i.path}` : undefined), target ?? (i.uri ? i.uri : undefined)].filter(Boolean).join(' ') || undefined
  if (i.type === 'http' || i.type === 'http-proxy') return [i.method, i.uri].filter(Boolean).join(' ') || undefined
  if (i.type === 'mock') return 'answers, no backend'
  return target ?? (i.uri ? i.uri : 'no function yet')
}

export function summarise(kind: EntityKind, id: EntityId, entity: unknown): NodeSummary {
  switch (kind) {
    case 'api':
      return { icon: { glyph: 'API', tone: 'api' }, caption: 'WebSocket API', title: (entity as Api).name, detail: (entity as Api).routeSelectionExpression }
    case 'route': {
      const r = entity as Route
      const facts = [r.integration ? `→ ${r.integration}` : 'no integration', r.authorizer ? `authorized by ${r.authorizer}` : undefined].filter(Boolean).join(' · ')
      return { icon: { glyph: r.twoWay ? '⇄' : '→', tone: 'route' }, caption: r.twoWay ? 'Route · two-way' : 'Route', title: r.key || '(empty key)', detail: facts }
    }
    case 'integration': {
      const i = entity as Integration
      const preset = presetOf(i)
      if (i.type === 'aws') {
        const service = serviceOf(i.service)
        return { icon: service.icon, caption: `AWS integration · ${service.name}`, title: preset ? preset.label.replace(/ \(.*\)$/, '') : id, detail: integrationFacts(i) }
      }
      return { icon: INTEGRATION_ICON[i.type], caption: INTEGRATION_LABEL[i.type], title: id, detail: integrationFacts(i) }
    }
    case 'authorizer': {
      const a = entity as Authorizer
      return {
        icon: { glyph: 'AUTH', tone: 'security' },
        caption: a.type === 'lambda' ? 'Lambda authorizer' : 'IAM authorizer',
        title: a.name ?? id,
        detail: a.type === 'lambda' ? [a.function ? `runs ${a.function}` : undefined, ...(a.identitySource ?? [])].filter(Boolean).join(' · ') : 'SigV4 (AWS_IAM)',
      }
    }
    case 'stage': {
      const s = entity as Stage
      return { icon: { glyph: 'STG', tone: 'stage' }, caption: 'Stage', title: s.name, detail: s.autoDeploy ? 'auto-deploy' : 'manual deployment' }
    }
    case 'resource': {
      const r = entity as Resource
      const caption = r.type === 'existing' ? `Existing ${RESOURCE_LABEL[r.kind]}` : RESOURCE_LABEL[r.type]
      const icon = r.type === 'existing' ? { ...RESOURCE_ICON[r.kind], tone: 'neutral' as const } : RESOURCE_ICON[r.type]
      return { icon, caption, title: id, detail: resourceName(r) }
    }
    case 'domain':
      return { icon: { glyph: 'DNS', tone: 'network' }, caption: 'Custom domain', title: (entity as { domainName: string }).domainName }
    case 'model':
      return { icon: { glyph: '{ }', tone: 'neutral' }, caption: 'Model', title: (entity as { name: string }).name, detail: (entity as { contentType: string }).contentType }
    case 'message':
      return { icon: { glyph: '✉', tone: 'neutral' }, caption: 'Server message', title: (entity as { name: string }).name, detail: 'sent through @connections' }
  }
}
