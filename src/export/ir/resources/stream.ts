/** A Kinesis data stream: `kinesis.Stream`. */

import { call, construct, lit, num, props, str, sym, THIS, type Code } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, removal } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

export function buildStream({ ctx, resource, constructId, text }: BuildInput<ResourceOf<'kinesis-stream'>>): ResourceBuild {
  const cfn: JsonObject = {}
  let kinesisKeyOverride: Code | undefined
  const rp = removal(resource)
  const policies = rp.cfn
  const onDemand = resource.streamMode === 'ON_DEMAND'
  // A customer key is given by id, alias or ARN, while the L2 takes only a key construct: the L2 writes the
  // AWS-managed key and the key id is set on the L1 (below), so the synthesized property is exactly the design's.
  const encryption = resource.encryption === 'none' ? 'UNENCRYPTED' : resource.encryption ? 'MANAGED' : undefined
  const construction = construct('kinesis', 'Stream', [THIS, lit(constructId)], props([
    ['streamName', resource.streamName !== undefined ? str(text(resource.streamName, 'streamName')) : undefined],
    ['streamMode', resource.streamMode ? sym('kinesis', `StreamMode.${resource.streamMode}`) : undefined],
    ['shardCount', resource.shardCount !== undefined ? num(resource.shardCount) : undefined],
    ['retentionPeriod', resource.retentionPeriodHours !== undefined ? call(sym('core', 'Duration'), 'hours', [num(resource.retentionPeriodHours)]) : undefined],
    ['encryption', encryption ? sym('kinesis', `StreamEncryption.${encryption}`) : undefined],
    ['removalPolicy', rp.prop],
  ]))
  if (resource.streamName !== undefined) cfn.Name = cfnValue(text(resource.streamName, 'streamName'))
  cfn.RetentionPeriodHours = resource.retentionPeriodHours ?? 24
  // CDK gives provisioned streams one shard when none is set, and on-demand streams none.
  if (!onDemand || resource.shardCount !== undefined) cfn.ShardCount = resource.shardCount ?? 1
  if (resource.encryption === 'managed') cfn.StreamEncryption = { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }
  else if (resource.encryption === 'kms') {
    const key = text(resource.kmsKeyId ?? '', 'kmsKeyId')
    cfn.StreamEncryption = { EncryptionType: 'KMS', KeyId: cfnValue(key) }
    kinesisKeyOverride = str(key)
  } else if (resource.encryption === undefined) {
    // The L2 encrypts with the AWS-managed key except in the China regions, through this condition.
    cfn.StreamEncryption = {
      'Fn::If': ['AwsCdkKinesisEncryptedStreamsUnsupportedRegions', { Ref: 'AWS::NoValue' }, { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }],
    }
    ctx.conditions.AwsCdkKinesisEncryptedStreamsUnsupportedRegions = {
      'Fn::Or': [
        { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-north-1'] },
        { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-northwest-1'] },
      ],
    }
  }
  if (resource.streamMode) cfn.StreamModeDetails = { StreamMode: resource.streamMode }
  const cast: L1Class = { module: 'kinesis', name: 'CfnStream' }
  return { construction, cfn, cast, policies, ...(kinesisKeyOverride ? { overrides: [{ comment: 'The customer KMS key of the stream, by id, alias or ARN (the L2 takes only a key construct).', path: 'StreamEncryption.KeyId', value: kinesisKeyOverride }] } : {}) }
}
