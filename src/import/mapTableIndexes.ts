/**
 * A table's secondary indexes, modelled when the template writes them as CDK's `addGlobalSecondaryIndex` and
 * `addLocalSecondaryIndex` do: each global index an `IndexName`, a `KeySchema` of declared attributes, a
 * `Projection` (ALL, KEYS_ONLY, or INCLUDE with its attributes) and, on a provisioned table only, a
 * `ProvisionedThroughput`; each local index the table's partition key with another sort key and a projection; and
 * `AttributeDefinitions` exactly the table's keys, then the global and then the local indexes' (`tableAttributes`,
 * the export's order). Any other shape (contributor insights, warm or on-demand throughput, an intrinsic,
 * definitions in another order) keeps the indexes and `AttributeDefinitions` verbatim, where they round-trip as
 * written.
 */

import { tableAttributes } from '../model/tableAttributes'
import type { DynamoDbTable, GlobalSecondaryIndex, Json, KeyAttribute, LocalSecondaryIndex } from '../model/types'
import { isObject } from './intrinsics'
import type { Props } from './props'

const KEY_TYPES = ['S', 'N', 'B'] as const

export function mapTableIndexes(p: Props, table: DynamoDbTable, onDemand: boolean): void {
  const rawGlobal = p.raw('GlobalSecondaryIndexes')
  const rawLocal = p.raw('LocalSecondaryIndexes')
  const defs = p.raw('AttributeDefinitions')
  if ((rawGlobal === undefined && rawLocal === undefined) || !Array.isArray(defs)) return
  const typeOf = (name: Json | undefined): KeyAttribute | undefined => {
    const d = defs.find((x) => isObject(x) && x.AttributeName === name)
    const t = isObject(d) ? KEY_TYPES.find((k) => k === d.AttributeType) : undefined
    return typeof name === 'string' && t ? { name, type: t } : undefined
  }
  const global = rawGlobal === undefined ? [] : indexList(rawGlobal, (e) => parseIndex(e, typeOf, onDemand))
  const local = rawLocal === undefined ? [] : indexList(rawLocal, (e) => parseLocalIndex(e, typeOf, table))
  if (!global || !local) return
  const names = [...global, ...local].map(([n]) => n)
  if (new Set(names).size !== names.length) return
  const modelled: DynamoDbTable = { ...table }
  if (global.length) modelled.globalSecondaryIndexes = Object.fromEntries(global)
  if (local.length) modelled.localSecondaryIndexes = Object.fromEntries(local)
  const expected = tableAttributes(modelled).map((k) => ({ AttributeName: k.name, AttributeType: k.type }))
  if (JSON.stringify(expected) !== JSON.stringify(defs)) return
  Object.assign(table, modelled)
  if (rawGlobal !== undefined) p.take('GlobalSecondaryIndexes')
  if (rawLocal !== undefined) p.take('LocalSecondaryIndexes')
  p.take('AttributeDefinitions')
}

/** Every entry parsed, or undefined when one is not the L2's shape (integer-like names would be reordered as keys). */
function indexList<T>(raw: Json, parse: (entry: Json) => [string, T] | undefined): [string, T][] | undefined {
  if (!Array.isArray(raw) || !raw.length) return undefined
  const out: [string, T][] = []
  for (const entry of raw) {
    const parsed = parse(entry)
    if (!parsed || /^\d+$/.test(parsed[0])) return undefined
    out.push(parsed)
  }
  return out
}

function parseLocalIndex(entry: Json, typeOf: (name: Json | undefined) => KeyAttribute | undefined, table: DynamoDbTable): [string, LocalSecondaryIndex] | undefined {
  if (!isObject(entry) || typeof entry.IndexName !== 'string' || !entry.IndexName) return undefined
  if (Object.keys(entry).length !== 3 || !Object.hasOwn(entry, 'KeySchema') || !Object.hasOwn(entry, 'Projection')) return undefined
  const keys = entry.KeySchema
  if (!Array.isArray(keys) || keys.length !== 2) return undefined
  const [hash, range] = keys
  if (!isObject(hash) || Object.keys(hash).length !== 2 || hash.KeyType !== 'HASH' || hash.AttributeName !== table.partitionKey.name) return undefined
  const sortKey = isObject(range) && Object.keys(range).length === 2 && range.KeyType === 'RANGE' ? typeOf(range.AttributeName) : undefined
  const projection = projectionOf(entry.Projection)
  if (!sortKey || !projection) return undefined
  return [entry.IndexName, { sortKey, ...projection }]
}

/** A `Projection` as the L2 writes it: ALL (left unset), KEYS_ONLY, or INCLUDE with its attributes. */
function projectionOf(projection: Json | undefined): Pick<GlobalSecondaryIndex, 'projection' | 'nonKeyAttributes'> | undefined {
  if (!isObject(projection)) return undefined
  if (projection.ProjectionType === 'INCLUDE') {
    const attrs = projection.NonKeyAttributes
    if (Object.keys(projection).length !== 2 || !Array.isArray(attrs) || !attrs.every((a) => typeof a === 'string')) return undefined
    return { projection: 'INCLUDE', nonKeyAttributes: attrs as string[] }
  }
  if (Object.keys(projection).length !== 1) return undefined
  if (projection.ProjectionType === 'KEYS_ONLY') return { projection: 'KEYS_ONLY' }
  return projection.ProjectionType === 'ALL' ? {} : undefined
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
  const projection = projectionOf(entry.Projection)
  if (!projection) return undefined
  Object.assign(index, projection)
  if (!onDemand) {
    const t = entry.ProvisionedThroughput
    if (!isObject(t) || Object.keys(t).length !== 2 || !Number.isInteger(t.ReadCapacityUnits) || !Number.isInteger(t.WriteCapacityUnits)) return undefined
    if (t.ReadCapacityUnits !== 5) index.readCapacity = t.ReadCapacityUnits as number
    if (t.WriteCapacityUnits !== 5) index.writeCapacity = t.WriteCapacityUnits as number
  }
  return [entry.IndexName, index]
}
