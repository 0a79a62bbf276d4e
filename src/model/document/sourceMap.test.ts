import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { cfnSchema } from '../../import/parseTemplate'
import { SourceMap } from './sourceMap'

const root = join(__dirname, '../../..')

/** Every path in a parsed value, containers and leaves, plus one missing child of each container. */
function pathsOf(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  out.push(prefix)
  if (value && typeof value === 'object') {
    out.push([...prefix, 'no such key'])
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out)
  }
  return out
}

/** A map that has built its whole table: it has answered more questions than targeted walks allow. */
function completeMap(text: string): SourceMap {
  const map = new SourceMap(text)
  for (let i = 0; i < 20; i++) map.locate([`warm-up ${i}`])
  return map
}

const HOSTILE = {
  'anchors and aliases': 'a: &x\n  b: 1\n  c: [1, 2]\nd: *x\ne:\n  - *x\n  - f: 2\n',
  'flow style and JSON': '{"design": {"routes": {"r1": {"key": "$connect"}, "r2": {"key": "a/b"}}}, "layout": {"r1": {"x": 1}}}',
  'complex keys': '? [a, b]\n: 1\nc:\n  ? {d: 1}\n  : 2\n  e: 3\n',
  'prototype keys': 'constructor:\n  __proto__:\n    toString: 1\n  hasOwnProperty: [x, {y: 1}]\n',
  'keys that look like paths': 'a.b:\n  c: 1\na:\n  b:\n    c: 2\n"0":\n  - x\n',
  'deep nesting': `${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')} leaf\n`,
}

const FILES = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'src/import/__fixtures__'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(root, 'src/import/__fixtures__', f)),
]

describe('a targeted lookup answers exactly what the whole table answers', () => {
  const cases: [string, string][] = [...Object.entries(HOSTILE), ...FILES.map((f): [string, string] => [f.slice(root.length + 1), readFileSync(f, 'utf8')])]
  it.each(cases)('%s', (_name, text) => {
    const complete = completeMap(text)
    // CloudFormation's short tags (`!Ref`) are read as the intrinsics they stand for; complex keys cannot be
    // loaded at all, so that case is asked for the paths around them.
    const paths = text.startsWith('? ') ? [['c', 'e'], ['c', '?'], ['?'], ['c'], ['c', 'missing']] : pathsOf(load(text, { schema: cfnSchema() }))
    expect(paths.length).toBeGreaterThan(3)
    for (const path of paths) {
      // A fresh map per question: its first answers come from targeted walks.
      const fresh = new SourceMap(text)
      expect({ path, at: fresh.locate(path) }).toEqual({ path, at: complete.locate(path) })
      expect({ path, at: fresh.locateValue(path) }).toEqual({ path, at: complete.locateValue(path) })
    }
    // One map asked everything: targeted walks, then the whole table, answer in any mix.
    const shared = new SourceMap(text)
    for (const path of paths) expect({ path, at: shared.locate(path) }).toEqual({ path, at: complete.locate(path) })
  })

  it('points at the key of a nested entry, and at the nearest ancestor of a missing one', () => {
    const text = 'design:\n  routes:\n    connect:\n      key: $connect\n    other:\n      key: x\n'
    const map = new SourceMap(text)
    expect(map.locate(['design', 'routes', 'other', 'key'])).toEqual({ line: 6, column: 7 })
    expect(map.locateValue(['design', 'routes', 'other', 'key'])).toEqual({ line: 6, column: 12 })
    expect(map.locate(['design', 'routes', 'other', 'missing'])).toEqual({ line: 5, column: 5 })
    expect(map.locate(['nothing'])).toEqual({ line: 1, column: 1 })
  })
})
