/**
 * Line layout shared by the code printers: a call or literal is printed on one line when it fits,
 * otherwise one item per line with a trailing comma. Printers build items as strings; this only decides
 * how to join them. (No printf-style formatting anywhere: user text never meets a format string.)
 */

export const MAX_LINE = 100

export function pad(level: number, unit: string): string {
  return unit.repeat(level)
}

/**
 * Joins `items` between `open` and `close`. `items` are printed at `level + 1` when broken; `startColumn`
 * is where `open` begins on its line, used to decide whether the one-line form fits.
 */
export function wrap(open: string, items: string[], close: string, level: number, unit: string, startColumn: number): string {
  if (!items.length) return `${open.trim()}${close.trim()}`
  const inline = `${open}${items.join(', ')}${close}`
  if (!inline.includes('\n') && startColumn + inline.length <= MAX_LINE) return inline
  const inner = pad(level + 1, unit)
  return `${open.trimEnd()}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${pad(level, unit)}${close.trimStart()}`
}
