/** An SNS topic: `sns.Topic`. */

import { bool, construct, lit, num, props, str, sym, THIS } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, keyFromArn } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

export function buildTopic({ ctx, resource, constructId, text }: BuildInput<ResourceOf<'sns-topic'>>): ResourceBuild {
  const cfn: JsonObject = {}
  const key = resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  if (key) cfn.KmsMasterKeyId = key.cfn
  if (resource.archiveRetentionDays !== undefined) cfn.ArchivePolicy = { MessageRetentionPeriod: resource.archiveRetentionDays }
  const construction = construct('sns', 'Topic', [THIS, lit(constructId)], props([
    ['topicName', resource.topicName !== undefined ? str(text(resource.topicName, 'topicName')) : undefined],
    ['fifo', resource.fifo !== undefined ? bool(resource.fifo) : undefined],
    ['displayName', resource.displayName !== undefined ? str(text(resource.displayName, 'displayName')) : undefined],
    ['contentBasedDeduplication', resource.contentBasedDeduplication !== undefined ? bool(resource.contentBasedDeduplication) : undefined],
    ['masterKey', key?.cdk],
    ['messageRetentionPeriodInDays', resource.archiveRetentionDays !== undefined ? num(resource.archiveRetentionDays) : undefined],
    ['signatureVersion', resource.signatureVersion ? lit(resource.signatureVersion) : undefined],
    ['tracingConfig', resource.tracing ? sym('sns', `TracingConfig.${resource.tracing === 'Active' ? 'ACTIVE' : 'PASS_THROUGH'}`) : undefined],
  ]))
  if (resource.displayName !== undefined) cfn.DisplayName = cfnValue(text(resource.displayName, 'displayName'))
  if (resource.contentBasedDeduplication !== undefined) cfn.ContentBasedDeduplication = resource.contentBasedDeduplication
  if (resource.signatureVersion) cfn.SignatureVersion = resource.signatureVersion
  if (resource.tracing) cfn.TracingConfig = resource.tracing
  if (resource.fifo !== undefined) cfn.FifoTopic = resource.fifo
  if (resource.topicName !== undefined) {
    // CDK appends `.fifo` to a FIFO topic's name when it is missing.
    const name = resource.fifo && !resource.topicName.endsWith('.fifo') ? `${resource.topicName}.fifo` : resource.topicName
    cfn.TopicName = cfnValue(text(name, 'topicName'))
  }
  const cast: L1Class = { module: 'sns', name: 'CfnTopic' }
  return { construction, cfn, cast }
}
