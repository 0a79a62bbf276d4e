/**
 * Intrinsics that stay verbatim become CDK expressions in both languages (issue 9, item 1), never raw
 * `{ 'Fn::…': … }` objects. That they synthesize back to the same template is proven by the cross-checks of
 * the `verbatim-sections` golden case (every section and a verbatim resource full of intrinsics) and by the
 * import corpus (`imported-arns.yaml`, `sam-websocket.yaml`).
 */

import { describe, expect, it } from 'vitest'
import type { Json } from '../../model/types'
import { PyImports, PyPrinter } from '../cdkPy/printPy'
import { TsImports, TsPrinter } from '../cdkTs/printTs'
import { intrinsicCode } from '../ir/intrinsicCode'

const ts = (value: Json, want: 'any' | 'string' | 'list' = 'any') => new TsPrinter(new TsImports()).code(intrinsicCode(value, want)!, 0, 0)
const py = (value: Json, want: 'any' | 'string' | 'list' = 'any') => new PyPrinter(new PyImports()).code(intrinsicCode(value, want)!, 0, 0)

describe('intrinsic → CDK expression', () => {
  const cases: [Json, string, string][] = [
    [{ Ref: 'Table' }, "Fn.ref('Table')", 'Fn.ref("Table")'],
    [{ Ref: 'AWS::Region' }, 'this.region', 'self.region'],
    [{ Ref: 'AWS::NoValue' }, 'Aws.NO_VALUE', 'Aws.NO_VALUE'],
    [{ 'Fn::GetAtt': ['Table', 'Arn'] }, "Fn.getAtt('Table', 'Arn')", 'Fn.get_att("Table", "Arn")'],
    [{ 'Fn::GetAtt': 'Table.StreamArn' }, "Fn.getAtt('Table', 'StreamArn')", 'Fn.get_att("Table", "StreamArn")'],
    [{ 'Fn::Sub': 'arn:${AWS::Partition}:x' }, "Fn.sub('arn:${AWS::Partition}:x')", 'Fn.sub("arn:${AWS::Partition}:x")'],
    [{ 'Fn::Sub': ['${A}-b', { A: { Ref: 'P' } }] }, "Fn.sub('${A}-b', { A: Fn.ref('P') })", 'Fn.sub("${A}-b", {"A": Fn.ref("P")})'],
    [{ 'Fn::Join': ['/', ['a', { 'Fn::GetAtt': ['T', 'Arn'] }]] }, "Fn.join('/', ['a', Fn.getAtt('T', 'Arn').toString()])", 'Fn.join("/", ["a", Fn.get_att("T", "Arn").to_string()])'],
    [{ 'Fn::Select': ['1', { 'Fn::Split': [',', { Ref: 'L' }] }] }, "Fn.select(1, Fn.split(',', Fn.ref('L')))", 'Fn.select(1, Fn.split(",", Fn.ref("L")))'],
    [{ 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] }, "Fn.conditionIf('IsProd', 'a', Aws.NO_VALUE)", 'Fn.condition_if("IsProd", "a", Aws.NO_VALUE)'],
    [{ 'Fn::ImportValue': 'shared-arn' }, "Fn.importValue('shared-arn')", 'Fn.import_value("shared-arn")'],
    [{ 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'k'] }, "Fn.findInMap('M', this.region, 'k')", 'Fn.find_in_map("M", self.region, "k")'],
    [{ 'Fn::Base64': 'x' }, "Fn.base64('x')", 'Fn.base64("x")'],
    [{ 'Fn::GetAZs': '' }, 'Fn.getAzs()', 'Fn.get_azs()'],
    [{ 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }, "Fn.cidr('10.0.0.0/16', 4, '8')", 'Fn.cidr("10.0.0.0/16", 4, "8")'],
    [{ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, "Fn.conditionEquals(Fn.ref('Env'), 'prod')", 'Fn.condition_equals(Fn.ref("Env"), "prod")'],
    [{ 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }, "Fn.conditionNot(Fn.conditionEquals('a', 'b'))", 'Fn.condition_not(Fn.condition_equals("a", "b"))'],
  ]
  it.each(cases)('%j', (value, tsText, pyText) => {
    expect(ts(value)).toBe(tsText)
    expect(py(value)).toBe(pyText)
  })

  it('makes a resolvable a string where the slot wants one, and a string a list where it wants a list', () => {
    expect(ts({ 'Fn::GetAtt': ['T', 'Arn'] }, 'string')).toBe("Fn.getAtt('T', 'Arn').toString()")
    expect(py({ Ref: 'Subnets' }, 'list')).toBe('Token.as_list(Fn.ref("Subnets"))')
  })

  it('leaves what has no Fn counterpart as data: rule functions, a condition operand naming a condition', () => {
    expect(intrinsicCode({ 'Fn::Contains': [['a'], 'a'] })).toBeUndefined()
    expect(intrinsicCode({ 'Fn::And': [{ Condition: 'A' }, { 'Fn::Equals': ['a', 'b'] }] })).toBeUndefined()
    expect(intrinsicCode({ Ref: 'A', Other: 1 })).toBeUndefined()
  })
})
