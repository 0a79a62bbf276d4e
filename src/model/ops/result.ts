/** Ops that can refuse return a result with a reason a person can read. */
export type OpResult<T> = { ok: true; value: T } | { ok: false; reason: string }

export function opOk<T>(value: T): OpResult<T> {
  return { ok: true, value }
}

export function opFailed(reason: string): { ok: false; reason: string } {
  return { ok: false, reason }
}
