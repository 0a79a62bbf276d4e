/**
 * Fast deterministic layout: layered columns left to right (domains and log groups, stages, API and
 * authorizers, routes, integrations, target resources, roles), and for large designs a readable grid of
 * columns — tall columns wrap into blocks, and each block keeps the routes next to their integrations (and
 * targets, when those are as many), so the picture stays about as wide as a screen instead of one tall column.
 *
 * Pure and synchronous: no elk, no DOM. A 300-route design takes a few milliseconds, so the import (CLI and
 * browser) and the designer's Auto-layout of large designs use it directly.
 *
 * Guarantees (property-tested in columnLayout.test.ts):
 * - every entity gets a position, and only entities do;
 * - positions are integers on a grid of slots (one column pitch wide, one row pitch tall), one node per slot,
 *   so nodes never overlap;
 * - the same design and existing layout give the same positions (no Map/object iteration order surprises:
 *   everything is ordered by rank, document order and id);
 * - `existing` keeps the vertical order of the nodes inside each column (a person's arrangement survives).
 */

import { graphEdges, graphNodes, type GraphNode } from '../model/ops/graph'
import type { Design, Layout } from '../model/types'
import { columnOf, NODE_HEIGHT, NODE_WIDTH } from './columns'
import { positionOf } from './positions'

/** Horizontal space between columns, and vertical space between nodes of a column (px). */
export const COLUMN_GAP = 110
export const ROW_GAP = 36
const COLUMN_PITCH = NODE_WIDTH + COLUMN_GAP
const ROW_PITCH = NODE_HEIGHT + ROW_GAP
/** Extra space between two blocks of a wrapped grid, so the blocks read as groups. */
const BLOCK_GAP = COLUMN_GAP
/** Columns up to this many nodes never wrap: a small design stays one row of columns. */
export const WRAP_AFTER = 16
/** A wrapped block has at least this many rows (a block of two routes helps nobody). */
const MIN_BLOCK_ROWS = 8
/** Width:height the grid aims at: about a landscape screen, so fit view can show it. */
const TARGET_ASPECT = 16 / 10

export interface ColumnLayoutOptions {
  /** Positions to keep the vertical order from (ids not in the design are ignored). */
  existing?: Layout
}

interface Grid {
  /** Rows per block (Infinity when nothing wraps). */
  rows: number
  blocks: number
  /** First and last column (column numbers from columnOf) of the wrapped band; empty when nothing wraps. */
  band: number[]
}

/** Lays out every entity of the design; see the file comment for the guarantees. */
export function columnLayout(design: Design, options: ColumnLayoutOptions = {}): Layout {
  const nodes = graphNodes(design)
  const docIndex = new Map<string, number>()
  nodes.forEach((n, i) => docIndex.set(n.id, i))
  const columnOfNode = new Map<string, number>()
  for (const n of nodes) columnOfNode.set(n.id, columnOf(design, n))
  const neighbours = neighbourMap(design)
  const columns = [...new Set(columnOfNode.values())].sort((a, b) => a - b)
  const members = new Map<number, GraphNode[]>()
  for (const c of columns) members.set(c, [])
  for (const n of nodes) members.get(columnOfNode.get(n.id)!)!.push(n)

  const grid = chooseGrid(columns, members)
  const inBand = (c: number) => grid.band.includes(c)
  const before = columns.filter((c) => grid.band.length > 0 && c < grid.band[0])
  const after = columns.filter((c) => grid.band.length > 0 && c > grid.band[grid.band.length - 1])

  // x of each column slot: columns before the band, then each block of band columns, then the rest.
  const slotX = new Map<string, number>()
  let x = 0
  const slot = (c: number, block = 0) => `${c}/${block}`
  if (!grid.band.length) {
    for (const c of columns) {
      slotX.set(slot(c), x)
      x += COLUMN_PITCH
    }
  } else {
    for (const c of before) {
      slotX.set(slot(c), x)
      x += COLUMN_PITCH
    }
    for (let b = 0; b < grid.blocks; b++) {
      if (b > 0) x += BLOCK_GAP
      for (const c of grid.band) {
        slotX.set(slot(c, b), x)
        x += COLUMN_PITCH
      }
    }
    x += BLOCK_GAP
    for (const c of after) {
      slotX.set(slot(c), x)
      x += COLUMN_PITCH
    }
  }

  // Sweep order: the anchor column first (routes, or the band's first column), then rightwards, then leftwards;
  // each column is ordered and placed from the neighbours already placed.
  const anchor = grid.band.length ? grid.band[0] : columns.includes(3) ? 3 : columns[0]
  const sweep = [anchor, ...columns.filter((c) => c > anchor), ...columns.filter((c) => c < anchor).reverse()]
  const rank = new Map<string, number>()
  const y = new Map<string, number>()
  const block = new Map<string, number>()
  const existingAt = (id: string) => positionOf(options.existing, id)
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

  for (const c of sweep) {
    const list = members.get(c)!
    // Order inside the column: existing position (top to bottom; in a wrapped grid block by block, so left to
    // right first), else the mean rank of placed neighbours, else document order.
    const wrapped = grid.band.length > 0 && inBand(c)
    const keyed = list.map((n) => {
      const placed = (neighbours.get(n.id) ?? []).filter((m) => rank.has(m))
      const at = existingAt(n.id)
      const key: [number, number, number] = at
        ? [0, wrapped ? at.x : 0, at.y]
        : placed.length
          ? [1, 0, mean(placed.map((m) => rank.get(m)!))]
          : [2, 0, docIndex.get(n.id)!]
      return { node: n, key, placed, at }
    })
    keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || docIndex.get(a.node.id)! - docIndex.get(b.node.id)!)
    keyed.forEach((k, i) => rank.set(k.node.id, i))

    // Which block each node goes to: the block its existing position is in, when it has one there (so laying
    // out again keeps every block's members); otherwise the first band column splits by rank, and later band
    // columns follow the block of their first placed neighbour (an integration sits in its route's block).
    const blocks = wrapped ? grid.blocks : 1
    const cells: (typeof keyed)[] = Array.from({ length: blocks }, () => [])
    keyed.forEach((k, i) => {
      let b = 0
      if (blocks > 1) {
        const kept = k.at ? Array.from({ length: blocks }, (_, j) => j).find((j) => slotX.get(slot(c, j)) === k.at!.x) : undefined
        const first = k.placed.filter((m) => block.has(m)).sort((p, q) => rank.get(p)! - rank.get(q)!)[0]
        b = kept ?? (c === grid.band[0] || first === undefined ? Math.min(blocks - 1, Math.floor(i / grid.rows)) : block.get(first)!)
      }
      block.set(k.node.id, b)
      cells[b].push(k)
    })

    // Rows inside each cell: level with the placed neighbours where possible, never two nodes in one slot.
    for (const cell of cells) {
      let nextRow = 0
      for (const k of cell) {
        const b = block.get(k.node.id)!
        const sameBlock = k.placed.filter((m) => !inBand(columnOfNode.get(m)!) || !inBand(c) || block.get(m) === b)
        const desired = sameBlock.length ? Math.round(mean(sameBlock.map((m) => y.get(m)!)) / ROW_PITCH) : 0
        const row = Math.max(desired, nextRow)
        y.set(k.node.id, row * ROW_PITCH)
        nextRow = row + 1
      }
    }
  }

  const layout: Layout = {}
  for (const n of nodes) {
    const c = columnOfNode.get(n.id)!
    const key = grid.band.length && inBand(c) ? slot(c, block.get(n.id)!) : slot(c)
    layout[n.id] = { x: slotX.get(key)!, y: y.get(n.id)! }
  }
  return layout
}

/** Whether the design is large enough that its tall columns wrap into a grid (a column of more than WRAP_AFTER). */
export function wrapsColumns(design: Design): boolean {
  const counts = new Map<number, number>()
  for (const n of graphNodes(design)) {
    const c = columnOf(design, n)
    const count = (counts.get(c) ?? 0) + 1
    if (count > WRAP_AFTER) return true
    counts.set(c, count)
  }
  return false
}

/** Undirected neighbours of every node, in edge order (a Map: ids are user text). */
function neighbourMap(design: Design): Map<string, string[]> {
  const neighbours = new Map<string, string[]>()
  const link = (a: string, b: string) => {
    const list = neighbours.get(a)
    if (list) list.push(b)
    else neighbours.set(a, [b])
  }
  for (const e of graphEdges(design)) {
    link(e.source, e.target)
    link(e.target, e.source)
  }
  return neighbours
}

/**
 * How many blocks to wrap the tall columns into: the count whose picture comes closest to TARGET_ASPECT.
 * The band is the run of columns from the first to the last column taller than a block; they wrap together.
 */
function chooseGrid(columns: number[], members: Map<number, GraphNode[]>): Grid {
  const tallest = Math.max(0, ...columns.map((c) => members.get(c)!.length))
  const none: Grid = { rows: Infinity, blocks: 1, band: [] }
  if (tallest <= WRAP_AFTER) return none
  let best = none
  let bestScore = score(columns.length, tallest)
  for (let blocks = 2; Math.ceil(tallest / blocks) >= MIN_BLOCK_ROWS; blocks++) {
    const rows = Math.ceil(tallest / blocks)
    const tall = columns.filter((c) => members.get(c)!.length > rows)
    const band = columns.filter((c) => c >= tall[0] && c <= tall[tall.length - 1])
    const widthSlots = columns.length - band.length + blocks * band.length
    const heightRows = Math.max(rows, ...columns.filter((c) => !band.includes(c)).map((c) => members.get(c)!.length))
    const s = score(widthSlots, heightRows, blocks)
    if (s < bestScore) {
      best = { rows, blocks, band }
      bestScore = s
    }
  }
  return best
}

function score(widthSlots: number, heightRows: number, blocks = 1): number {
  const width = widthSlots * COLUMN_PITCH + (blocks - 1) * BLOCK_GAP
  const height = heightRows * ROW_PITCH
  return Math.abs(Math.log(width / height / TARGET_ASPECT))
}
