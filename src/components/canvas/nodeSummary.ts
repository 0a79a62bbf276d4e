/** What a node shows at a glance, per entity kind. Presentation only: reads an entity, returns labels. */
import { presetOf } from '../../model/ops'
import { physicalName } from '../../model/queries'
import type { Api, Authorizer, EntityId, EntityKind, Integration, Resource, Route, Stage } from '../../model/types'

export interface NodeSummary {
  /** Small caption above the title, e.g. "Route", "AWS integration". */
  caption: string
  title: string
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

const INTEGRATION_LABEL: Record<Integration['type'], string> = {
  aws: 'AWS integration',
  'lambda-proxy': 'Lambda proxy integration',
  lambda: 'Lambda integration',
  mock: 'Mock integration',
  http: 'HTTP integration',
  'http-proxy': 'HTTP proxy integration',
}

function resourceName(r: Resource): string | undefined {
  if (r.type === 'iam-role') return r.roleName ?? (r.existingArn ? 'existing role' : 'generated, least privilege')
  if (r.type === 'existing') return r.name ?? r.arn
  return physicalName(r)
}

export function summarise(kind: EntityKind, id: EntityId, entity: unknown): NodeSummary {
  switch (kind) {
    case 'api':
      return { caption: 'WebSocket API', title: (entity as Api).name, detail: (entity as Api).routeSelectionExpression }
    case 'route': {
      const r = entity as Route
      return { caption: r.twoWay ? 'Route · two-way' : 'Route', title: r.key || '(empty key)', detail: r.authorizer ? `authorized by ${r.authorizer}` : undefined }
    }
    case 'integration': {
      const i = entity as Integration
      const preset = presetOf(i)
      const what = i.type === 'aws' ? `${i.service ?? '?'} ${i.action ?? (i.path ? 'path' : '')}`.trim() : i.type.startsWith('http') ? i.uri : undefined
      return { caption: INTEGRATION_LABEL[i.type], title: preset && i.type === 'aws' ? preset.label.replace(/ \(.*\)$/, '') : id, detail: what }
    }
    case 'authorizer': {
      const a = entity as Authorizer
      return { caption: a.type === 'lambda' ? 'Lambda authorizer' : 'IAM authorizer', title: a.name ?? id, detail: a.type === 'lambda' ? (a.identitySource ?? []).join(', ') : 'SigV4 (AWS_IAM)' }
    }
    case 'stage': {
      const s = entity as Stage
      return { caption: 'Stage', title: s.name, detail: s.autoDeploy ? 'auto-deploy' : 'manual deployment' }
    }
    case 'resource': {
      const r = entity as Resource
      const caption = r.type === 'existing' ? `Existing ${RESOURCE_LABEL[r.kind]}` : RESOURCE_LABEL[r.type]
      return { caption, title: id, detail: resourceName(r) }
    }
    case 'domain':
      return { caption: 'Custom domain', title: (entity as { domainName: string }).domainName }
    case 'model':
      return { caption: 'Model', title: (entity as { name: string }).name, detail: (entity as { contentType: string }).contentType }
    case 'message':
      return { caption: 'Server message', title: (entity as { name: string }).name, detail: 'sent through @connections' }
  }
}
