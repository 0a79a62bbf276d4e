/** Everything the palette and the add menu can create, with labels, groups, search words and test ids. */
import { connectableSpecs, type ConnectFrom, type NewEntitySpec, type OpResult } from '../../model/ops'
import type { DesignDocument } from '../../model/types'
import { PRESETS } from '../../model/presets'

export interface PaletteItem {
  /** Dotted suffix of the test id: `palette.<id>` and `add-menu.<id>`. */
  id: string
  label: string
  group: 'API' | 'Routes' | 'Integrations' | 'Authorizers' | 'Resources'
  description: string
  spec: NewEntitySpec
}

const awsPresets: PaletteItem[] = PRESETS.filter((p) => p.integrationType === 'aws').map((p) => ({
  id: `integration.${p.id}`,
  label: p.label,
  group: 'Integrations',
  description: p.description,
  spec: { kind: 'integration', preset: p.id },
}))

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  { id: 'api', label: 'API', group: 'API', description: 'The WebSocket API (one per design).', spec: { kind: 'api' } },
  { id: 'stage', label: 'Stage', group: 'API', description: 'A deployment stage such as dev or prod.', spec: { kind: 'stage' } },
  { id: 'model', label: 'Model', group: 'API', description: 'A message schema (JSON Schema draft 4) routes validate requests with.', spec: { kind: 'model' } },
  { id: 'message', label: 'Server message', group: 'API', description: 'A message the backend sends to clients through @connections.', spec: { kind: 'message' } },
  { id: 'route.connect', label: '$connect', group: 'Routes', description: 'Runs when a client connects; the only route that can be authorized.', spec: { kind: 'route', route: '$connect' } },
  { id: 'route.disconnect', label: '$disconnect', group: 'Routes', description: 'Runs when the connection closes (best effort).', spec: { kind: 'route', route: '$disconnect' } },
  { id: 'route.default', label: '$default', group: 'Routes', description: 'Messages no other route matches, and non-JSON messages.', spec: { kind: 'route', route: '$default' } },
  { id: 'route.custom', label: 'Custom route', group: 'Routes', description: 'Matched exactly against the route selection expression.', spec: { kind: 'route', route: 'custom' } },
  ...awsPresets,
  { id: 'integration.lambda-proxy', label: 'Lambda proxy', group: 'Integrations', description: 'Invoke a Lambda function with the whole event.', spec: { kind: 'integration', type: 'lambda-proxy' } },
  { id: 'integration.lambda', label: 'Lambda (non-proxy)', group: 'Integrations', description: 'Invoke a Lambda function with a mapped event.', spec: { kind: 'integration', preset: 'lambda-nonproxy' } },
  { id: 'integration.mock', label: 'Mock', group: 'Integrations', description: 'API Gateway answers by itself.', spec: { kind: 'integration', type: 'mock' } },
  { id: 'integration.http', label: 'HTTP', group: 'Integrations', description: 'Call an HTTP endpoint with a mapped request.', spec: { kind: 'integration', type: 'http' } },
  { id: 'integration.http-proxy', label: 'HTTP proxy', group: 'Integrations', description: 'Pass the request through to an HTTP endpoint.', spec: { kind: 'integration', type: 'http-proxy' } },
  { id: 'authorizer.lambda', label: 'Lambda authorizer', group: 'Authorizers', description: 'A Lambda REQUEST authorizer on $connect.', spec: { kind: 'authorizer', type: 'lambda' } },
  { id: 'authorizer.iam', label: 'IAM authorizer', group: 'Authorizers', description: 'SigV4-signed connections (AWS_IAM) on $connect.', spec: { kind: 'authorizer', type: 'iam' } },
  { id: 'resource.dynamodb-table', label: 'DynamoDB table', group: 'Resources', description: 'A table integrations read and write.', spec: { kind: 'resource', type: 'dynamodb-table' } },
  { id: 'resource.sqs-queue', label: 'SQS queue', group: 'Resources', description: 'A queue integrations send messages to.', spec: { kind: 'resource', type: 'sqs-queue' } },
  { id: 'resource.sns-topic', label: 'SNS topic', group: 'Resources', description: 'A topic integrations publish to.', spec: { kind: 'resource', type: 'sns-topic' } },
  { id: 'resource.kinesis-stream', label: 'Kinesis stream', group: 'Resources', description: 'A stream integrations put records into.', spec: { kind: 'resource', type: 'kinesis-stream' } },
  { id: 'resource.eventbridge-bus', label: 'EventBridge bus', group: 'Resources', description: 'An event bus integrations put events on.', spec: { kind: 'resource', type: 'eventbridge-bus' } },
  { id: 'resource.state-machine', label: 'State machine', group: 'Resources', description: 'A Step Functions state machine to start.', spec: { kind: 'resource', type: 'state-machine' } },
  { id: 'resource.lambda-function', label: 'Lambda function', group: 'Resources', description: 'A function for Lambda integrations and authorizers.', spec: { kind: 'resource', type: 'lambda-function' } },
  { id: 'resource.existing', label: 'Existing resource (ARN)', group: 'Resources', description: 'A resource the stack does not own, referenced by ARN.', spec: { kind: 'resource', type: 'existing' } },
  { id: 'resource.iam-role', label: 'IAM role', group: 'Resources', description: 'A credentials role (generated least-privilege, or existing by ARN).', spec: { kind: 'resource', type: 'iam-role' } },
  { id: 'resource.log-group', label: 'Log group', group: 'Resources', description: 'CloudWatch Logs group for stage access logs.', spec: { kind: 'resource', type: 'log-group' } },
]

export const PALETTE_GROUPS = ['API', 'Routes', 'Integrations', 'Authorizers', 'Resources'] as const

/** Data type used to carry a palette item through an HTML5 drag. */
export const PALETTE_MIME = 'application/x-socket-studio-palette'

export function findPaletteItem(id: string): PaletteItem | undefined {
  return PALETTE_ITEMS.find((i) => i.id === id)
}

/** The items a connection dropped on empty canvas may offer: the model's `connectableSpecs` decides. */
export function connectablePaletteItems(doc: DesignDocument, from: ConnectFrom): OpResult<PaletteItem[]> {
  const accepted = connectableSpecs(doc, from, PALETTE_ITEMS.map((i) => i.spec))
  if (!accepted.ok) return accepted
  const specs = new Set<NewEntitySpec>(accepted.value)
  return { ok: true, value: PALETTE_ITEMS.filter((i) => specs.has(i.spec)) }
}

/**
 * Case-insensitive search over label, group, id and description; every word must match somewhere. Results are
 * ranked by where they matched, so "lambda function" + Enter adds the Lambda function resource and "queue" the
 * SQS queue (not an integration whose description mentions one): the exact name, then names starting with the
 * query, then names holding every word at a word start, then anywhere in the name, then group or id, then
 * description only. Ties keep the palette's order.
 */
export function searchPalette(query: string, among: readonly PaletteItem[] = PALETTE_ITEMS): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...among]
  const ranked: { item: PaletteItem; rank: number; index: number }[] = []
  among.forEach((item, index) => {
    const rank = matchRank(item, words)
    if (rank !== undefined) ranked.push({ item, rank, index })
  })
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.item)
}

/** 0 (best) … 5, or undefined when some word matches nowhere. */
function matchRank(item: PaletteItem, words: readonly string[]): number | undefined {
  const label = item.label.toLowerCase()
  const names = `${label} ${item.group} ${item.id}`.toLowerCase()
  if (!words.every((w) => names.includes(w) || item.description.toLowerCase().includes(w))) return undefined
  const phrase = words.join(' ')
  const labelWords = label.split(/[\s()·,.-]+/).filter(Boolean)
  if (label === phrase) return 0
  if (label.startsWith(phrase)) return 1
  if (words.every((w) => labelWords.some((lw) => lw.startsWith(w)))) return 2
  if (words.every((w) => label.includes(w))) return 3
  if (words.every((w) => names.includes(w))) return 4
  return 5
}
