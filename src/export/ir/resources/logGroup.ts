/** A CloudWatch Logs log group: `logs.LogGroup`. */

import { construct, lit, props, str, sym, THIS, type Code } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, removal, keyFromArn } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

export function buildLogGroup({ ctx, id, resource, constructId, text }: BuildInput<ResourceOf<'log-group'>>): ResourceBuild {
  const cfn: JsonObject = {}
  if (!resource.neverExpire && resource.retentionDays !== undefined && !retention(resource.retentionDays)) {
    ctx.error('EXP015', `CloudWatch Logs has no ${resource.retentionDays}-day retention; use one of ${Object.keys(RETENTION).join(', ')}.`, id, 'retentionDays')
  }
  const rp = removal(resource)
  const key = resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  const policies = rp.cfn
  const construction = construct('logs', 'LogGroup', [THIS, lit(constructId)], props([
    ['logGroupName', resource.logGroupName !== undefined ? str(text(resource.logGroupName, 'logGroupName')) : undefined],
    ['retention', resource.neverExpire ? sym('logs', 'RetentionDays.INFINITE') : resource.retentionDays !== undefined ? retention(resource.retentionDays) : undefined],
    ['encryptionKey', key?.cdk],
    ['logGroupClass', resource.logGroupClass ? sym('logs', `LogGroupClass.${resource.logGroupClass}`) : undefined],
    ['removalPolicy', rp.prop],
  ]))
  if (resource.logGroupName !== undefined) cfn.LogGroupName = cfnValue(text(resource.logGroupName, 'logGroupName'))
  if (resource.logGroupClass) cfn.LogGroupClass = resource.logGroupClass
  if (key) cfn.KmsKeyId = key.cfn
  // CDK's default retention is two years.
  if (!resource.neverExpire) cfn.RetentionInDays = resource.retentionDays ?? 731
  const cast: L1Class = { module: 'logs', name: 'CfnLogGroup' }
  return { construction, cfn, cast, policies }
}

/** `logs.RetentionDays` members by day count (CloudWatch only accepts these values). */
const RETENTION: Record<number, string> = {
  1: 'ONE_DAY', 3: 'THREE_DAYS', 5: 'FIVE_DAYS', 7: 'ONE_WEEK', 14: 'TWO_WEEKS', 30: 'ONE_MONTH', 60: 'TWO_MONTHS',
  90: 'THREE_MONTHS', 120: 'FOUR_MONTHS', 150: 'FIVE_MONTHS', 180: 'SIX_MONTHS', 365: 'ONE_YEAR', 400: 'THIRTEEN_MONTHS',
  545: 'EIGHTEEN_MONTHS', 731: 'TWO_YEARS', 1096: 'THREE_YEARS', 1827: 'FIVE_YEARS', 2192: 'SIX_YEARS', 2557: 'SEVEN_YEARS',
  2922: 'EIGHT_YEARS', 3288: 'NINE_YEARS', 3653: 'TEN_YEARS',
}

/** `logs.RetentionDays.X`, or undefined for a day count CloudWatch does not offer. */
function retention(days: number): Code | undefined {
  return RETENTION[days] ? sym('logs', `RetentionDays.${RETENTION[days]}`) : undefined
}
