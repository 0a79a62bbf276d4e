/**
 * Recovering CDK construct ids from logical ids, so that exporting an imported CDK template reproduces the
 * same logical ids (see cdk-and-cloudformation.md §6: human part + 8 upper-case hex digits of an md5).
 */

const HASH = /^(.*[A-Za-z0-9])([0-9A-F]{8})$/

/** `mywsapi32E6CE11` → `{human: 'mywsapi', hash: '32E6CE11'}`; ids without a hash come back whole. */
export function splitLogicalId(logicalId: string): { human: string; hash?: string } {
  const m = HASH.exec(logicalId)
  // A CDK hash mixes digits and letters almost always; an all-letter suffix is more likely a word (e.g. `DEADBEEF`).
  if (!m || !/\d/.test(m[2])) return { human: logicalId }
  return { human: m[1], hash: m[2] }
}

/**
 * The construct id of a resource whose path is `<prefix…>/<id>/Resource`, given the human part of its
 * parent's logical id (`prefixHuman`). Falls back to the human part, then to the logical id.
 */
export function constructIdFrom(logicalId: string, prefixHuman?: string): string {
  const { human, hash } = splitLogicalId(logicalId)
  if (!hash) return logicalId
  if (prefixHuman && human.startsWith(prefixHuman) && human.length > prefixHuman.length) return human.slice(prefixHuman.length)
  return human
}

/** The human part of a logical id (no hash). */
export function humanPart(logicalId: string): string {
  return splitLogicalId(logicalId).human
}

/** A design entity id from a construct id or key: `DynamodbPutItem` → `dynamodbPutItem`, `$connect` → `connect`. */
export function entityIdBase(name: string): string {
  // Entity ids are at most 128 characters; leave room for the numeric suffix uniqueId may add.
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^A-Za-z]+/, '').slice(0, 100)
  if (!cleaned) return 'entity'
  return cleaned[0].toLowerCase() + cleaned.slice(1)
}
