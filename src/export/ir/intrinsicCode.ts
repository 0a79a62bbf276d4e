/**
 * CloudFormation intrinsics → CDK expressions, the one translator both CDK printers use (issue 9, item 1).
 * A raw `{ 'Fn::GetAtt': … }` object is not a string to CDK: `PolicyStatement.fromJson` refuses it ("Fields
 * must be either a string or an array of strings") and typed props cannot take it. So every intrinsic that
 * stays verbatim (cfnExtra overrides, verbatim resources, policies, outputs) is written as the `Fn` call that
 * synthesizes to it — `Fn.getAtt('Table', 'Arn').toString()`, `Fn.sub(…)`, `this.region` — which CDK
 * resolves back to exactly the same intrinsic (the golden cases' cross-checks compare the synthesized
 * templates). Logical ids are the exported ones (references are remapped before, `remapLogicalIds.ts`).
 *
 * What a slot wants decides the spelling: `string` (typed props, `Fn.join` parts, Sub variables) turns a
 * resolvable into a string token, `list` turns a string into a list token, `any` (JSON data) keeps it.
 * Rule functions (`Fn::Contains`, `Fn::EachMemberEquals`, …), `Fn::Transform` and condition expressions that
 * name a condition (`{ Condition: … }`) have no `Fn` counterpart that type-checks in both languages; they stay
 * data, which CDK passes through unchanged.
 */

import type { Json, JsonObject } from '../../model/types'
import { call, lit, member, num, sym, THIS, type Code } from './code'

export type Want = 'any' | 'string' | 'list'
type Kind = 'string' | 'list' | 'resolvable' | 'number'

const FN = sym('core', 'Fn')
const TOKEN = sym('core', 'Token')

/** Pseudo parameters as the stack's properties (`this.region` / `self.region`), `Aws.NO_VALUE` for NoValue. */
const PSEUDO: Record<string, [Code, Kind]> = {
  'AWS::Region': [member(THIS, 'region'), 'string'],
  'AWS::AccountId': [member(THIS, 'account'), 'string'],
  'AWS::Partition': [member(THIS, 'partition'), 'string'],
  'AWS::URLSuffix': [member(THIS, 'urlSuffix'), 'string'],
  'AWS::StackName': [member(THIS, 'stackName'), 'string'],
  'AWS::StackId': [member(THIS, 'stackId'), 'string'],
  'AWS::NotificationARNs': [member(THIS, 'notificationArns'), 'list'],
  'AWS::NoValue': [sym('core', 'Aws.NO_VALUE'), 'string'],
}

const isObject = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v)
const isStr = (v: Json | undefined): v is string => typeof v === 'string'

/** The CDK expression for `value` when it is an intrinsic function call, shaped for what the slot wants. */
export function intrinsicCode(value: Json, want: Want = 'any'): Code | undefined {
  const r = translate(value)
  return r && shape(r, want)
}

/** Any value in a slot that wants `want`: intrinsics translated, other data as it is. */
export function valueCode(value: Json, want: Want): Code {
  if (want === 'string' && isStr(value)) return lit(value)
  if (want === 'list' && Array.isArray(value)) return { k: 'list', items: value.map((x) => valueCode(x, 'string')) }
  return intrinsicCode(value, want) ?? { k: 'json', value }
}

function shape([code, kind]: [Code, Kind], want: Want): Code {
  if (want === 'string' && kind === 'resolvable') return call(code, 'toString')
  if (want === 'string' && kind === 'number') return call(TOKEN, 'asString', [code])
  if (want === 'list' && kind !== 'list') return call(TOKEN, 'asList', [code])
  return code
}

/** Whether a Select/Split operand depends on anything CDK cannot fold (a literal Split inside counts as literal). */
function hasIntrinsic(v: Json): boolean {
  if (Array.isArray(v)) return v.some(hasIntrinsic)
  if (!isObject(v)) return false
  const [k] = Object.keys(v)
  if (k === 'Fn::Split' && Array.isArray(v[k])) return hasIntrinsic((v[k] as Json[])[1])
  return true
}

const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or'])
const fn = (method: string, args: Code[]): Code => call(FN, method, args)
const numberOf = (v: Json): Code | undefined => (typeof v === 'number' ? num(v) : isStr(v) && /^\d+$/.test(v) ? num(Number(v)) : undefined)

function translate(value: Json): [Code, Kind] | undefined {
  if (!isObject(value)) return undefined
  const keys = Object.keys(value)
  if (keys.length !== 1) return undefined
  const name = keys[0]
  const a = value[name]
  const list = Array.isArray(a) ? a : undefined
  switch (name) {
    case 'Ref':
      if (!isStr(a)) return undefined
      return PSEUDO[a] ?? [fn('ref', [lit(a)]), 'string']
    case 'Fn::GetAtt': {
      const dot = isStr(a) ? a.indexOf('.') : -1
      const parts = isStr(a) ? (dot > 0 ? [a.slice(0, dot), a.slice(dot + 1)] : undefined) : list
      if (!parts || parts.length !== 2 || !isStr(parts[0])) return undefined
      return [fn('getAtt', [lit(parts[0]), valueCode(parts[1], 'string')]), 'resolvable']
    }
    case 'Fn::Sub': {
      if (isStr(a)) return [fn('sub', [lit(a)]), 'string']
      if (!list || list.length !== 2 || !isStr(list[0]) || !isObject(list[1])) return undefined
      const vars: Code = { k: 'map', entries: Object.entries(list[1]).map(([k, x]) => [k, valueCode(x, 'string')]) }
      return [fn('sub', [lit(list[0]), vars]), 'string']
    }
    case 'Fn::Join':
      if (!list || list.length !== 2 || !isStr(list[0])) return undefined
      return [fn('join', [lit(list[0]), valueCode(list[1], 'list')]), 'string']
    case 'Fn::Select': {
      const index = list && list.length === 2 ? numberOf(list[0]) : undefined
      // CDK folds Select and Split over literals at synth (same value, other template text): keep those as data.
      if (!list || !index || !hasIntrinsic(list[1])) return undefined
      return [fn('select', [index, valueCode(list[1], 'list')]), 'string']
    }
    case 'Fn::Split':
      if (!list || list.length !== 2 || !isStr(list[0]) || !hasIntrinsic(list[1])) return undefined
      return [fn('split', [lit(list[0]), valueCode(list[1], 'string')]), 'list']
    case 'Fn::If':
      if (!list || list.length !== 3 || !isStr(list[0])) return undefined
      return [fn('conditionIf', [lit(list[0]), valueCode(list[1], 'any'), valueCode(list[2], 'any')]), 'resolvable']
    case 'Fn::ImportValue':
      return [fn('importValue', [valueCode(a, 'string')]), 'string']
    case 'Fn::FindInMap':
      if (!list || list.length !== 3) return undefined
      return [fn('findInMap', list.map((x) => valueCode(x, 'string'))), 'string']
    case 'Fn::Base64':
      return [fn('base64', [valueCode(a, 'string')]), 'string']
    case 'Fn::GetAZs':
      return [fn('getAzs', a === '' ? [] : [valueCode(a, 'string')]), 'list']
    case 'Fn::Cidr': {
      const count = list && list.length === 3 ? numberOf(list[1]) : undefined
      if (!list || !count) return undefined
      return [fn('cidr', [valueCode(list[0], 'string'), count, valueCode(typeof list[2] === 'number' ? String(list[2]) : list[2], 'string')]), 'list']
    }
    case 'Fn::Length':
      return [fn('len', [valueCode(a, 'any')]), 'number']
    case 'Fn::ToJsonString':
      return [fn('toJsonString', [valueCode(a, 'any')]), 'string']
    case 'Fn::Equals':
      if (!list || list.length !== 2) return undefined
      return [fn('conditionEquals', [valueCode(list[0], 'any'), valueCode(list[1], 'any')]), 'resolvable']
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or': {
      // Only when every operand is itself a condition function (a `{ Condition: … }` operand stays data).
      const operands = list?.map((x) => (isObject(x) && CONDITION_FUNCTIONS.has(Object.keys(x)[0]) ? translate(x) : undefined))
      if (!operands || !operands.length || operands.some((o) => !o)) return undefined
      const method = name === 'Fn::Not' ? 'conditionNot' : name === 'Fn::And' ? 'conditionAnd' : 'conditionOr'
      if (name === 'Fn::Not' && operands.length !== 1) return undefined
      return [fn(method, operands.map((o) => o![0])), 'resolvable']
    }
    default:
      return undefined
  }
}
