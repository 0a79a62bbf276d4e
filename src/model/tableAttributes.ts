import { ownEntry } from './queries'
import type { Design, DynamoDbTable, EntityId, KeyAttribute } from './types'

/**
 * A table's `AttributeDefinitions` as CDK writes them: the table's keys, then each global and then each local index's keys, each
 * attribute once (the checks refuse one attribute with two types, MDL089).
 */
export function tableAttributes(table: DynamoDbTable): KeyAttribute[] {
  const out: KeyAttribute[] = []
  const add = (k: KeyAttribute | undefined) => {
    if (k && !out.some((o) => o.name === k.name)) out.push(k)
  }
  add(table.partitionKey)
  add(table.sortKey)
  for (const index of Object.values(table.globalSecondaryIndexes ?? {})) {
    add(index.partitionKey)
    add(index.sortKey)
  }
  // The export adds local indexes after the global ones, so their attributes come after.
  for (const index of Object.values(table.localSecondaryIndexes ?? {})) add(index.sortKey)
  return out
}

/** Whether `entity` is a table that declares an index (then CDK's table grants also name `<table ARN>/index/*`). */
export function isIndexedTable(design: Design, entity: EntityId): boolean {
  const table = ownEntry(design.resources, entity)
  return table?.type === 'dynamodb-table' && Object.keys({ ...table.globalSecondaryIndexes, ...table.localSecondaryIndexes }).length > 0
}
