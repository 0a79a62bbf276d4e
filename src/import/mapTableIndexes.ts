/**
 * A table's global secondary indexes, modelled when the template writes them as CDK's `addGlobalSecondaryIndex`
 * does: each index an `IndexName`, a `KeySchema` of declared attributes, a `Projection` (ALL, KEYS_ONLY, or
 * INCLUDE with its attributes) and, on a provisioned table only, a `ProvisionedThroughput`; and
 * `AttributeDefinitions` exactly the table's keys and then the indexes' (`tableAttributes`, the export's order).
 * Any other shape (contributor insights, warm or on-demand throughput, an intrinsic, definitions in another
 * order) keeps `GlobalSecondaryIndexes` and `AttributeDefinitions` verbatim, where they round-trip as written.
 */

import { tableAttributes } from '../model/tableAttributes'
import type { DynamoDbTable, GlobalSecondaryIndex, Json, KeyAttribute } from '../model/types'
import { isObject } from './intrinsics'
import type { Props } from './props'

const KEY_TYPES = ['S', 'N', 'B'] as const

export function mapTableIndexes(p: Props, table: DynamoDbTable, onDemand: boolean): void {
  const raw = p.raw('GlobalSecondaryIndexes')
  const defs = p.raw('AttributeDefinitions')
  if (!Array.isArray(raw) || !raw.length || !Array.isArray(defs)) return
  const typeOf = (name: Json | undefined): KeyAttribute | undefined => {
    const d = defs.find((x) => isObject(x) && x.AttributeName === name)
    const t = isObject(d) ? KEY_TYPES.find((k) => k === d.AttributeType) : undefined
    return typeof name === 'string' && t ? { name, type: t } : undefined
  }
  const indexes: [string, GlobalSecondaryIndex][] = []
  for (const entry of raw) {
    const parsed = parseIndex(entry, typeOf, onDemand)
    // Integer-like names would be reordered as object keys; a repeated name is not a map.
    if (!parsed || /^\d+$/.test(parsed[0]) || indexes.some(([n]) => n === parsed[0])) return
    indexes.push(parsed)
  }
  const modelled: DynamoDbTable = { ...table, globalSecondaryIndexes: Object.fromEntries(indexes) }
  const expected = tableAttributes(modelled).map((k) => ({ AttributeName: k.name, AttributeType: k.type }))
  if (JSON.stringify(expected) !== JSON.stringify(defs)) return
  table.globalSecondaryIndexes = modelled.globalSecondaryIndexes
  p.take('GlobalSecondaryIndexes')
  p.take('AttributeDefinitions')
}

function parseIndex(entry: Json, typeOf: (name: Json | undefined) => KeyAttribute | undefined, onDemand: boolean): [string, GlobalSecondaryIndex] | undefined {
  if (!isObject(entry) || typeof entry.IndexName !== 'string' || !entry.IndexName) return undefined
  const allowed = onDemand ? ['IndexName', 'KeySchema', 'Projection'] : ['IndexName', 'KeySchema', 'Projection', 'ProvisionedThroughput']
  if (Object.keys(entry).length !== allowed.length || !allowed.every((k) => Object.hasOwn(entry, k))) return undefined
  const keys = entry.KeySchema
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > 2) return undefined
  const keyOf = (k: Json, type: string) => (isObject(k) && Object.keys(k).length === 2 && k.KeyType === type ? typeOf(k.AttributeName) : undefined)
  const partitionKey = keyOf(keys[0], 'HASH')
  const sortKey = keys.length === 2 ? keyOf(keys[1], 'RANGE') : undefined
  if (!partitionKey || (keys.length === 2 && !sortKey)) return undefined
  const index: GlobalSecondaryIndex = { partitionKey }
  if (sortKey) index.sortKey = sortKey
  const projection = entry.Projection
  if (!isObject(projection)) return undefined
  if (projection.ProjectionType === 'INCLUDE') {
    const attrs = projection.NonKeyAttributes
    if (Object.keys(projection).length !== 2 || !Array.isArray(attrs) || !attrs.every((a) => typeof a === 'string')) return undefined
    index.projection = 'INCLUDE'
    index.nonKeyAttributes = attrs as string[]
  } else if ((projection.ProjectionType === 'ALL' || projection.ProjectionType === 'KEYS_ONLY') && Object.keys(projection).length === 1) {
    // ALL is what CDK writes when no projection is given.
    if (projection.ProjectionType === 'KEYS_ONLY') index.projection = 'KEYS_ONLY'
  } else return undefined
  if (!onDemand) {
    const t = entry.ProvisionedThroughput
    if (!isObject(t) || Object.keys(t).length !== 2 || !Number.isInteger(t.ReadCapacityUnits) || !Number.isInteger(t.WriteCapacityUnits)) return undefined
    if (t.ReadCapacityUnits !== 5) index.readCapacity = t.ReadCapacityUnits as number
    if (t.WriteCapacityUnits !== 5) index.writeCapacity = t.WriteCapacityUnits as number
  }
  return [entry.IndexName, index]
}
