/**
 * `npm run bench`: runs every bench/*.bench.ts suite (or those whose file name contains an argument)
 * and prints one table of medians, goals and ratios.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { fmt, type BenchRow, type BenchSuite } from './lib'

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter.length || filter.some((x) => f.includes(x)))
  .sort()

const all: { suite: string; row: BenchRow }[] = []
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: BenchSuite }
  const suite = mod.default
  process.stderr.write(`running ${suite.title} …\n`)
  try {
    for (const row of await suite.run()) all.push({ suite: suite.title, row })
  } catch (e) {
    all.push({ suite: suite.title, row: { name: `FAILED: ${e instanceof Error ? e.message : String(e)}`, median: NaN } })
  }
}

const header = ['suite', 'measurement', 'median', 'goal', 'met', 'notes']
const rows = all.map(({ suite, row }) => [
  suite,
  row.name,
  `${fmt(row.median)} ${row.unit ?? 'ms'}`,
  row.goal ?? '',
  row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  row.note ?? '',
])
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
console.log(line(header))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows) console.log(line(r))
