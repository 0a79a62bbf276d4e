/**
 * A preset is a ready-made non-proxy integration for one AWS action: what to put in the integration
 * (service/action/path, method, request parameters, templates, selection, passthrough) plus what the IAM role
 * needs and a sample message to preview it with. Pure data; `applyPreset` turns it into design changes.
 *
 * Templates and paths refer to the integration's target as `@{target.<attribute>}` (PRESET_TARGET); applyPreset
 * rewrites that placeholder entity to the real resource id, so the exporters see ordinary string references.
 */

import type { HttpMethod, IntegrationType, PassthroughBehavior, ResourceType } from '../types'
import type { TableKey } from './templates'

/** Placeholder entity id used in preset templates for "the resource this integration acts on". */
export const PRESET_TARGET = 'target'

export type PresetService = 'dynamodb' | 'sqs' | 'sns' | 'kinesis' | 'events' | 'states' | 'lambda' | 'mock'

export interface Preset {
  /** Stable id, e.g. `dynamodb-putitem`. */
  id: string
  label: string
  /** One sentence for the picker. */
  description: string
  service: PresetService
  integrationType: Extract<IntegrationType, 'aws' | 'lambda' | 'mock'>
  /** Action-style URI `action/<Action>` (DynamoDB, SNS, Kinesis, EventBridge, Step Functions). */
  action?: string
  /** Path-style URI `path/<path>` (SQS); may contain references. */
  path?: string
  method?: HttpMethod
  requestParameters?: Record<string, string>
  /** Template key → VTL; every preset uses the `$default` key with the `\$default` selection expression. */
  requestTemplates: Record<string, string>
  /** DynamoDB presets: the templates for a table with this partition key (requestTemplates uses `keyDefault`). */
  keyedTemplates?: (key: TableKey) => Record<string, string>
  keyDefault?: TableKey
  templateSelectionExpression: string
  passthroughBehavior: PassthroughBehavior
  /** Resource type the integration targets (undefined for MOCK). */
  targetType?: Exclude<ResourceType, 'existing' | 'iam-role' | 'log-group'>
  /** Least-privilege actions the credentials role needs on the target. */
  iamActions: string[]
  /** Whether API Gateway needs a credentials role (Lambda can use a resource policy instead; MOCK needs none). */
  needsRole: boolean
  /** Request body content type the rendered template produces (drives the output checks). */
  contentType: 'application/json' | 'application/x-www-form-urlencoded' | 'application/x-amz-json-1.1'
  /** The route the preset is written for (`$connect` templates read no body). */
  routeKey: string
  /** A message to preview the template with (empty for `$connect`/`$disconnect`). */
  sampleMessage: string
}
