/**
 * `[start, end)` intervals collected as flat numbers rather than one small array each: a megabyte template has
 * hundreds of thousands of call-argument ranges, and an object per range made the garbage collector the largest
 * cost of validation. Ranges usually arrive in order already; only out-of-order input (a reference inside an
 * index, `$a[$b.c(1)].d(2)`) pays for a sort.
 */

export class Intervals {
  private readonly flat: number[] = []

  add(start: number, end: number): void {
    this.flat.push(start, end)
  }

  get size(): number {
    return this.flat.length / 2
  }

  /** Starts and ends, ordered by start. */
  sorted(): { starts: Float64Array; ends: Float64Array } {
    const f = this.flat
    const n = f.length / 2
    const starts = new Float64Array(n)
    const ends = new Float64Array(n)
    let ordered = true
    for (let i = 0; i < n; i++) {
      starts[i] = f[2 * i]
      ends[i] = f[2 * i + 1]
      if (i && starts[i] < starts[i - 1]) ordered = false
    }
    if (ordered) return { starts, ends }
    const order = new Uint32Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    order.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b])
    const s2 = new Float64Array(n)
    const e2 = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      s2[i] = starts[order[i]]
      e2[i] = ends[order[i]]
    }
    return { starts: s2, ends: e2 }
  }

  /** The sorted, disjoint union (touching intervals merge). */
  union(): { starts: Float64Array; ends: Float64Array; length: number } {
    const { starts, ends } = this.sorted()
    let k = -1
    for (let i = 0; i < starts.length; i++) {
      if (k >= 0 && starts[i] <= ends[k]) ends[k] = Math.max(ends[k], ends[i])
      else {
        k++
        starts[k] = starts[i]
        ends[k] = ends[i]
      }
    }
    return { starts, ends, length: k + 1 }
  }
}
