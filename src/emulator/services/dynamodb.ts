/**
 * In-memory DynamoDB for the browser (the CLI uses dynalite): PutItem, GetItem, DeleteItem, UpdateItem, Query
 * and Scan over the JSON 1.0 protocol, enough for the designer's presets. Requests are checked the way DynamoDB
 * checks them (DynamoDB API Reference, AttributeValue): every attribute value has exactly one type descriptor
 * (S, N, B, BOOL, NULL, M, L, SS, NS, BS); N is a number string; sets are non-empty and without duplicates; the
 * item carries the table's key attributes with their declared types. Failures answer
 * `com.amazon.coral.validate#ValidationException` or `…#ResourceNotFoundException` as DynamoDB does.
 *
 * Expressions: UpdateExpression `SET a = :v, b = b + :n`, `REMOVE a`; KeyConditionExpression `k = :v` with an optional
 * `AND begins_with(s, :p)` or comparison on the sort key; `#names` and `:values` substitution.
 * FilterExpression, ConditionExpression and ProjectionExpression are not evaluated (the answer says so in `note`).
 */

import type { Json } from '../../model/types'
import { jsonAnswer, jsonError, parseJsonObject, type AwsService, type AwsServiceAnswer, type AwsServiceRequest } from './types'

export interface TableInfo {
  name: string
  partitionKey: { name: string; type: 'S' | 'N' | 'B' }
  sortKey?: { name: string; type: 'S' | 'N' | 'B' }
}

type Item = Record<string, Record<string, unknown>>
const VALIDATION = 'com.amazon.coral.validate#ValidationException'
const NOT_FOUND = 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException'
const TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'])
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

class Invalid extends Error {}

/** Checks one AttributeValue; throws Invalid with DynamoDB's wording. */
export function checkAttributeValue(v: unknown, where: string, depth = 0): void {
  if (depth > 32) throw new Invalid('Nesting Levels have exceeded supported limits')
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Invalid(`Supplied AttributeValue is empty, must contain exactly one of the supported datatypes (${where})`)
  const keys = Object.keys(v)
  if (keys.length !== 1 || !TYPES.has(keys[0])) throw new Invalid(`Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes (${where})`)
  const t = keys[0]
  const x = (v as Record<string, unknown>)[t]
  const set = (check: (s: unknown) => boolean) => {
    if (!Array.isArray(x) || x.length === 0) throw new Invalid(`One or more parameter values were invalid: An string set  may not be empty (${where})`)
    if (!x.every(check)) throw new Invalid(`One or more parameter values were invalid: set members have the wrong type (${where})`)
    if (new Set(x).size !== x.length) throw new Invalid(`One or more parameter values were invalid: Input collection contains duplicates (${where})`)
  }
  switch (t) {
    case 'S':
    case 'B':
      if (typeof x !== 'string') throw new Invalid(`${t} must be a string (${where})`)
      return
    case 'N':
      if (typeof x !== 'string' || !NUMBER.test(x.trim())) throw new Invalid(`The parameter cannot be converted to a numeric value: ${String(x)}`)
      return
    case 'BOOL':
      if (typeof x !== 'boolean') throw new Invalid(`BOOL must be a boolean (${where})`)
      return
    case 'NULL':
      if (x !== true) throw new Invalid(`One or more parameter values were invalid: Null attribute value types must have the value of true`)
      return
    case 'M':
      if (!x || typeof x !== 'object' || Array.isArray(x)) throw new Invalid(`M must be a map (${where})`)
      for (const [k, inner] of Object.entries(x)) checkAttributeValue(inner, `${where}.${k}`, depth + 1)
      return
    case 'L':
      if (!Array.isArray(x)) throw new Invalid(`L must be a list (${where})`)
      x.forEach((inner, i) => checkAttributeValue(inner, `${where}[${i}]`, depth + 1))
      return
    case 'SS':
    case 'BS':
      return set((s) => typeof s === 'string')
    case 'NS':
      return set((s) => typeof s === 'string' && NUMBER.test(s))
  }
}

function checkItem(item: unknown, name: string): Item {
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Invalid(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`)
  for (const [k, v] of Object.entries(item)) checkAttributeValue(v, k)
  return item as Item
}

export class InMemoryDynamoDb implements AwsService {
  private readonly tables = new Map<string, { info: TableInfo; items: Map<string, Item> }>()
  constructor(tables: TableInfo[]) {
    for (const t of tables) this.tables.set(t.name, { info: t, items: new Map() })
  }

  call(request: AwsServiceRequest): AwsServiceAnswer {
    const body = parseJsonObject(request.body)
    if (!body) return jsonError(400, 'com.amazon.coral.service#SerializationException', 'Start of structure or map found where not expected')
    const action = request.action ?? ''
    const name = body.TableName
    if (typeof name !== 'string') return jsonError(400, VALIDATION, "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
    const table = this.tables.get(name)
    if (!table) return jsonError(400, NOT_FOUND, 'Requested resource not found')
    try {
      switch (action) {
        case 'PutItem': {
          const item = checkItem(body.Item, 'item')
          const key = this.keyOf(table.info, item, 'item')
          const old = table.items.get(key)
          table.items.set(key, structuredClone(item))
          return jsonAnswer(200, body.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {})
        }
        case 'GetItem': {
          const key = this.keyOf(table.info, checkItem(body.Key, 'key'), 'key', true)
          const item = table.items.get(key)
          return jsonAnswer(200, item ? { Item: item } : {})
        }
        case 'DeleteItem': {
          const key = this.keyOf(table.info, checkItem(body.Key, 'key'), 'key', true)
          const old = table.items.get(key)
          table.items.delete(key)
          return jsonAnswer(200, body.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {})
        }
        case 'UpdateItem':
          return this.update(table, body)
        case 'Query':
          return this.query(table, body)
        case 'Scan':
          return jsonAnswer(200, { Items: [...table.items.values()], Count: table.items.size, ScannedCount: table.items.size })
        default:
          return jsonError(400, 'com.amazon.coral.service#UnknownOperationException', `the in-memory DynamoDB does not implement ${action}`)
      }
    } catch (e) {
      if (e instanceof Invalid) return jsonError(400, VALIDATION, e.message)
      throw e
    }
  }

  private keyOf(info: TableInfo, item: Item, what: string, exact = false): string {
    const parts = [info.partitionKey, ...(info.sortKey ? [info.sortKey] : [])]
    for (const k of parts) {
      const v = item[k.name]
      if (!v) throw new Invalid(`One or more parameter values were invalid: Missing the key ${k.name} in the ${what}`)
      if (!(k.type in v)) throw new Invalid(`One or more parameter values were invalid: Type mismatch for key ${k.name} expected: ${k.type} actual: ${Object.keys(v)[0]}`)
    }
    if (exact && Object.keys(item).length !== parts.length) throw new Invalid('The provided key element does not match the schema')
    return JSON.stringify(parts.map((k) => item[k.name][k.type]))
  }

  private update(table: { info: TableInfo; items: Map<string, Item> }, body: Record<string, unknown>): AwsServiceAnswer {
    const keyItem = checkItem(body.Key, 'key')
    const key = this.keyOf(table.info, keyItem, 'key', true)
    const names = (body.ExpressionAttributeNames ?? {}) as Record<string, string>
    const values = (body.ExpressionAttributeValues ?? {}) as Item
    for (const [k, v] of Object.entries(values)) checkAttributeValue(v, k)
    const item: Item = structuredClone(table.items.get(key) ?? keyItem)
    const expr = typeof body.UpdateExpression === 'string' ? body.UpdateExpression : ''
    const name = (n: string) => (n.startsWith('#') ? (names[n] ?? fail(`An expression attribute name used in the document path is not defined; attribute name: ${n}`)) : n)
    const value = (v: string): Record<string, unknown> => {
      const t = v.trim()
      if (t.startsWith(':')) return values[t] ?? fail(`An expression attribute value used in expression is not defined; attribute value: ${t}`)
      return item[name(t)] ?? fail(`The provided expression refers to an attribute that does not exist in the item`)
    }
    for (const clause of expr.split(/\b(?=SET\b|REMOVE\b|ADD\b)/i)) {
      const m = /^\s*(SET|REMOVE|ADD)\s+([\s\S]*)$/i.exec(clause)
      if (!m) {
        if (clause.trim()) fail(`Invalid UpdateExpression: Syntax error; token: "${clause.trim().split(/\s/)[0]}"`)
        continue
      }
      const verb = m[1].toUpperCase()
      for (const action of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
        if (verb === 'REMOVE') delete item[name(action)]
        else if (verb === 'SET') {
          const [lhs, rhs] = action.split('=').map((s) => s.trim())
          if (rhs === undefined) fail(`Invalid UpdateExpression: Syntax error; token: "${action}"`)
          const arith = /^(.+?)\s*([+-])\s*(.+)$/.exec(rhs)
          item[name(lhs)] = arith ? numeric(value(arith[1]), value(arith[3]), arith[2] === '-' ? -1 : 1) : value(rhs)
        } else {
          const [path, v] = action.split(/\s+/)
          const cur = item[name(path)]
          item[name(path)] = cur ? numeric(cur, value(v), 1) : value(v)
        }
      }
    }
    this.keyOf(table.info, item, 'item')
    table.items.set(key, item)
    return jsonAnswer(200, body.ReturnValues === 'ALL_NEW' ? { Attributes: item } : {})
  }

  private query(table: { info: TableInfo; items: Map<string, Item> }, body: Record<string, unknown>): AwsServiceAnswer {
    const names = (body.ExpressionAttributeNames ?? {}) as Record<string, string>
    const values = (body.ExpressionAttributeValues ?? {}) as Item
    const expr = typeof body.KeyConditionExpression === 'string' ? body.KeyConditionExpression : fail('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.')
    const conds = expr.split(/\s+AND\s+/i).map((c) => c.trim())
    const tests: ((item: Item) => boolean)[] = conds.map((c) => {
      const bw = /^begins_with\s*\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)$/i.exec(c)
      const cmp = /^([#\w]+)\s*(=|<=|>=|<|>)\s*(:\w+)$/.exec(c)
      const attr = (n: string) => (n.startsWith('#') ? names[n] : n)
      const val = (v: string) => values[v] ?? fail(`An expression attribute value used in expression is not defined; attribute value: ${v}`)
      if (bw) {
        const a = attr(bw[1])
        const p = val(bw[2]).S as string
        return (item) => typeof item[a]?.S === 'string' && (item[a].S as string).startsWith(p)
      }
      if (cmp) {
        const a = attr(cmp[1])
        const v = val(cmp[3])
        return (item) => item[a] !== undefined && compare(item[a], v, cmp[2])
      }
      return fail(`Invalid KeyConditionExpression: Syntax error; token: "${c}"`)
    })
    let items = [...table.items.values()].filter((i) => tests.every((t) => t(i)))
    const sk = table.info.sortKey
    if (sk) items = items.sort((a, b) => (compare(a[sk.name], b[sk.name], '<') ? -1 : compare(a[sk.name], b[sk.name], '>') ? 1 : 0))
    if (body.ScanIndexForward === false) items.reverse()
    if (typeof body.Limit === 'number') items = items.slice(0, body.Limit)
    const note = body.FilterExpression !== undefined || body.ProjectionExpression !== undefined ? { note: 'emulated: FilterExpression/ProjectionExpression not evaluated' } : {}
    return jsonAnswer(200, { Items: items, Count: items.length, ScannedCount: items.length, ...note })
  }

  state(): Json {
    const out: Record<string, Json> = {}
    for (const [name, t] of this.tables) out[name] = [...t.items.values()] as unknown as Json
    return out
  }

  reset(): void {
    for (const t of this.tables.values()) t.items.clear()
  }
}

function fail(message: string): never {
  throw new Invalid(message)
}

function numeric(a: Record<string, unknown>, b: Record<string, unknown>, sign: 1 | -1): Record<string, unknown> {
  if (typeof a.N !== 'string' || typeof b.N !== 'string') fail('An operand in the update expression has an incorrect data type')
  return { N: String(Number(a.N) + sign * Number(b.N)) }
}

function compare(a: Record<string, unknown>, b: Record<string, unknown>, op: string): boolean {
  const x = a.N !== undefined ? Number(a.N) : (a.S ?? a.B)
  const y = b.N !== undefined ? Number(b.N) : (b.S ?? b.B)
  if (x === undefined || y === undefined) return false
  switch (op) {
    case '=':
      return x === y
    case '<':
      return (x as number) < (y as number)
    case '>':
      return (x as number) > (y as number)
    case '<=':
      return (x as number) <= (y as number)
    default:
      return (x as number) >= (y as number)
  }
}
