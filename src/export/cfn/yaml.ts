/**
 * A YAML printer for CloudFormation templates (JSON data: maps, lists, strings, numbers, booleans, null).
 * js-yaml's general `dump` was the slowest step of the export; templates need only block maps and lists,
 * plain scalars where they are unambiguous, literal blocks for multi-line text and JSON-style double
 * quotes for everything else. The tests load every output with js-yaml and compare it to the JSON export,
 * and a property test round-trips arbitrary strings.
 */

import type { Json } from '../../model/types'

/** Plain scalars we allow: conservative, and never something YAML would read as another type. */
const PLAIN = /^[A-Za-z_$/\\][A-Za-z0-9_$/\\.:@()+=,-]*$/
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|nan|inf)$/i

function plainOk(s: string): boolean {
  return PLAIN.test(s) && !RESERVED.test(s) && !s.includes(': ') && !s.endsWith(':') && !s.includes(' #')
}

/** JSON escaping is YAML double-quoted escaping; also escape what YAML deems non-printable. */
function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Characters a literal block cannot carry exactly: CR, controls other than TAB/LF, YAML non-printables, surrogates. */
function hasUnblockable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return true
  }
  return false
}

/** A literal block (`|`) when the text is multi-line and has nothing a block cannot hold exactly. */
function block(s: string, indent: string): string | undefined {
  if (!s.includes('\n') || hasUnblockable(s)) return undefined
  const body = s.replace(/\n+$/, '')
  const trailing = s.length - body.length
  if (!body || body.split('\n').some((line) => line.startsWith('\t'))) return undefined
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+'
  // An indentation indicator when the text starts with a space or a line break: YAML would otherwise take the
  // indent from the first non-empty line, swallowing its leading spaces (`"\n "` loaded back as `""`).
  const indicator = body.startsWith(' ') || body.startsWith('\n') ? '2' : ''
  const lines = s.slice(0, trailing > 1 ? s.length - 1 : body.length).split('\n')
  return `|${indicator}${chomp}\n${lines.map((l) => (l ? `${indent}  ${l}` : '')).join('\n')}`
}

function scalar(value: Exclude<Json, Json[] | { [k: string]: Json }>, indent: string): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  if (plainOk(value)) return value
  return block(value, indent) ?? quoted(value)
}

const key = (k: string): string => (plainOk(k) ? k : quoted(k))

function write(value: Json, indent: string, out: string[]): void {
  // Called for the value after `key:` or `- `: containers start on the next line.
  if (Array.isArray(value)) {
    if (!value.length) return void out.push(' []\n')
    out.push('\n')
    for (const item of value) {
      out.push(`${indent}-`)
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length) {
        // `- Key: value` with the rest of the map aligned under the first key.
        writeMap(item, `${indent}  `, out, true)
      } else write(item, `${indent}  `, out)
    }
    return
  }
  if (value !== null && typeof value === 'object') {
    if (!Object.keys(value).length) return void out.push(' {}\n')
    out.push('\n')
    writeMap(value, `${indent}`, out, false)
    return
  }
  out.push(` ${scalar(value, indent.slice(2))}\n`)
}

function writeMap(map: { [k: string]: Json }, indent: string, out: string[], inline: boolean): void {
  let first = true
  for (const [k, v] of Object.entries(map)) {
    out.push(first && inline ? ` ${key(k)}:` : `${indent}${key(k)}:`)
    first = false
    write(v, `${indent}  `, out)
  }
}

export function toYaml(value: { [k: string]: Json }): string {
  const out: string[] = []
  writeMap(value, '', out, false)
  return out.join('')
}
