/**
 * Sample `$context` values for previews, tests and the CLI. Values are realistic in shape (ids look like
 * API Gateway's base64-ish ids, times are consistent with each other) and deterministic, so a preview does not
 * change between keystrokes and tests can assert exact output. Callers override any key, nested or dotted.
 */

export interface SampleContextOptions {
  routeKey?: string
  stage?: string
  apiId?: string
  region?: string
  /** Epoch milliseconds of the request; default 2026-01-15T12:00:00Z. */
  now?: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `$context.requestTime`: CLF format, `15/Jan/2026:12:00:00 +0000`. */
export function clf(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

export function eventTypeFor(routeKey: string): 'CONNECT' | 'DISCONNECT' | 'MESSAGE' {
  return routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE'
}

/**
 * The keys of `$context.identity` as AWS records them for a WebSocket request: a `java.util.HashMap` holding every
 * identity field, null where the caller has none (no IAM signature, no Cognito). Two Lambda proxy events recorded
 * on AWS in 2019 and 2020 list these twelve keys, nulls included, in exactly this order, and the order is
 * HashMap's iteration order for a 32-bucket table (String.hashCode, spread, masked to 5 bits: buckets 0, 1, 4, 6,
 * 8, 10, 17, 18, 20, 21, 23, 29), which is what says the object is a HashMap. Later recordings (2022, and the AWS
 * docs' authorizer example) drop the nulls from the *Lambda event*, which is the JSON serializer's doing; the
 * mapping-template variable list still documents every field, so a template sees them all (README "Semantics").
 */
const IDENTITY_KEYS = ['cognitoIdentityPoolId', 'cognitoIdentityId', 'principalOrgId', 'cognitoAuthenticationType', 'userArn', 'userAgent', 'accountId', 'caller', 'sourceIp', 'accessKey', 'cognitoAuthenticationProvider', 'user'] as const

/** Bucket of a key in a 32-bucket java.util.HashMap (String.hashCode, then HashMap.hash's spread). */
function hashMapBucket(key: string): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
  return (h ^ (h >>> 16)) & 31
}

/**
 * `$context.identity` in AWS's key order: the recorded fields, null unless given, plus any extra given fields
 * (`apiKey`, `apiKeyId` for a key-enabled API) placed where the same HashMap would iterate them.
 */
export function identityMap(values: Partial<Record<string, string | null>>): Record<string, string | null> {
  const keys: string[] = [...IDENTITY_KEYS, ...Object.keys(values).filter((k) => !(IDENTITY_KEYS as readonly string[]).includes(k))]
  const order = keys.map((k, i) => ({ k, b: hashMapBucket(k), i })).sort((x, y) => x.b - y.b || x.i - y.i)
  const out: Record<string, string | null> = {}
  for (const { k } of order) out[k] = values[k] ?? null
  return out
}

export function sampleContext(opts: SampleContextOptions = {}): Record<string, unknown> {
  const routeKey = opts.routeKey ?? '$default'
  const apiId = opts.apiId ?? 'a1b2c3d4e5'
  const region = opts.region ?? 'us-east-1'
  const now = opts.now ?? Date.UTC(2026, 0, 15, 12, 0, 0)
  const eventType = eventTypeFor(routeKey)
  const ctx: Record<string, unknown> = {
    connectionId: 'L0SM9cOFvHcCIhw=',
    connectedAt: now - 42_000,
    domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
    eventType,
    routeKey,
    requestId: 'L0SM9F3GoAMFlHg=',
    extendedRequestId: 'L0SM9F3GoAMFlHg=',
    apiId,
    stage: opts.stage ?? 'dev',
    status: 200,
    requestTime: clf(now),
    requestTimeEpoch: now,
    authorizer: { principalId: 'user-0001' },
    error: { messageString: '"Internal server error"', validationErrorString: '' },
    identity: identityMap({ sourceIp: '203.0.113.10', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) socket-studio-preview' }),
  }
  if (eventType === 'MESSAGE') ctx.messageId = 'aE1oaUYUIAMCJfg='
  return ctx
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * Merges overrides into a context without touching either: copy-on-write, so only the objects on a written
 * path are copied and everything else is shared with `base` (the emulator merges one context per message, and a
 * deep clone of every sample value per message is waste). Keys with dots (`identity.sourceIp`) address nested
 * values. An explicit `authorizer` replaces the sample one instead of merging into it: the preview invents
 * nothing the caller's authorizer did not return (an explicitly empty authorizer renders empty). Sharing is safe
 * because templates never see these objects: toJavaMap copies every map and list a render reads.
 */
export function mergeContext(base: Record<string, unknown>, overrides: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  if (!overrides) return out
  // Objects this merge created (or copied): written into freely; anything else is copied before a write.
  const owned = new Set<object>([out])
  const writable = (parent: Record<string, unknown>, seg: string): Record<string, unknown> => {
    const current = parent[seg]
    if (isPlainObject(current) && owned.has(current)) return current
    const copy: Record<string, unknown> = isPlainObject(current) ? { ...current } : {}
    owned.add(copy)
    parent[seg] = copy
    return copy
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue
    const path = key.split('.')
    let target = out
    for (const seg of path.slice(0, -1)) target = writable(target, seg)
    const last = path[path.length - 1]
    if (isPlainObject(value) && isPlainObject(target[last]) && !(path.length === 1 && last === 'authorizer')) target[last] = mergeContext(target[last] as Record<string, unknown>, value)
    else target[last] = value
  }
  return out
}

/**
 * Deepest object/list nesting a context may have. The caller's context is JSON from the tester or a CLI file;
 * API Gateway builds `$context` itself and an authorizer's context holds only flat string/number/boolean values,
 * so a deeper value is refused with a message (RenderFailure in the caller) rather than blowing the stack.
 */
export const MAX_CONTEXT_DEPTH = 100

/**
 * A context object as the template sees it: nested ordered, prototype-free Maps (no `constructor` to find) and
 * fresh lists at every level, so a template's `.put()` / `.add()` never reaches the caller's objects or the
 * sample values another message shares.
 */
export function toJavaMap(value: Record<string, unknown>, depth = 0): Map<string, unknown> {
  if (depth > MAX_CONTEXT_DEPTH) throw new RangeError(`the $context value is nested deeper than ${MAX_CONTEXT_DEPTH} levels`)
  const out = new Map<string, unknown>()
  for (const k of Object.keys(value)) out.set(k, toJavaValue(value[k], depth + 1))
  return out
}

function toJavaValue(v: unknown, depth: number): unknown {
  if (isPlainObject(v)) return toJavaMap(v, depth)
  if (!Array.isArray(v)) return v
  if (depth > MAX_CONTEXT_DEPTH) throw new RangeError(`the $context value is nested deeper than ${MAX_CONTEXT_DEPTH} levels`)
  return v.map((x) => toJavaValue(x, depth + 1))
}
