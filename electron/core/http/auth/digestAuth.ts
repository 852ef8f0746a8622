import { createHash, randomBytes } from 'node:crypto'
import { RequestFailure } from '../requestFailure'
import { parseChallenges, type Challenge } from './digestChallenge'

/** The hash functions RFC 7616 names that Courier answers, strongest first. */
const ALGORITHMS = {
  'SHA-256': 'sha256',
  'SHA-256-SESS': 'sha256',
  MD5: 'md5',
  'MD5-SESS': 'md5',
} as const
type Algorithm = keyof typeof ALGORITHMS

/** What a Digest answer is computed from. */
export interface DigestInput {
  username: string
  password: string
  method: string
  /** The request target as sent: path and query. */
  uri: string
  /** The WWW-Authenticate values of the 401. */
  challenges: readonly string[]
  /** Client nonce; random when absent (tests pass one to check known answers). */
  cnonce?: string
}

/**
 * The Authorization header answering the strongest Digest challenge of a 401
 * (RFC 7616 §3.4, qop=auth, or RFC 2069 when the server offers no qop), or null when
 * the 401 has no Digest challenge. Fails with AUTH_CHALLENGE, naming what the server
 * asked, when it only offers what Courier cannot answer (auth-int, SHA-512-256, userhash).
 */
export function digestAuthorization(input: DigestInput): string | null {
  const digest = parseChallenges(input.challenges).filter(
    (c) => c.scheme.toLowerCase() === 'digest',
  )
  if (digest.length === 0) return null
  const usable = digest
    .map((c) => ({ c, algorithm: algorithmOf(c) }))
    .filter((x): x is { c: Challenge; algorithm: Algorithm } => x.algorithm !== null)
    .sort((a, b) => rank(a.algorithm) - rank(b.algorithm))
  const chosen = usable.find(({ c }) => qopOf(c) !== undefined)
  if (!chosen) throw unsupported(digest)
  return answer(chosen.c, chosen.algorithm, input)
}

const rank = (a: Algorithm) => Object.keys(ALGORITHMS).indexOf(a)

function algorithmOf(c: Challenge): Algorithm | null {
  const name = (c.params.get('algorithm') ?? 'MD5').toUpperCase()
  return name in ALGORITHMS ? (name as Algorithm) : null
}

/** 'auth', or null for an RFC 2069 challenge without qop; undefined when only auth-int is offered. */
function qopOf(c: Challenge): 'auth' | null | undefined {
  const qop = c.params.get('qop')
  if (qop === undefined) return null
  const offered = qop.split(',').map((q) => q.trim().toLowerCase())
  return offered.includes('auth') ? 'auth' : undefined
}

function answer(c: Challenge, algorithm: Algorithm, input: DigestInput): string {
  const hash = (text: string) =>
    createHash(ALGORITHMS[algorithm]).update(text, 'utf8').digest('hex')
  const realm = c.params.get('realm') ?? ''
  const nonce = c.params.get('nonce') ?? ''
  const qop = qopOf(c)
  const cnonce = input.cnonce ?? randomBytes(16).toString('hex')
  // One answer per challenge, so the nonce count is always the first.
  const nc = '00000001'
  let ha1 = hash(`${input.username}:${realm}:${input.password}`)
  if (algorithm.endsWith('-SESS')) ha1 = hash(`${ha1}:${nonce}:${cnonce}`)
  const ha2 = hash(`${input.method.toUpperCase()}:${input.uri}`)
  const response = qop
    ? hash(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : hash(`${ha1}:${nonce}:${ha2}`)
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${c.params.has('algorithm') ? algorithm : 'MD5'}`,
    `response="${response}"`,
  ]
  const opaque = c.params.get('opaque')
  if (opaque !== undefined) parts.push(`opaque=${quote(opaque)}`)
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`)
  return `Digest ${parts.join(', ')}`
}

const quote = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`

function unsupported(challenges: Challenge[]): RequestFailure {
  const offered = challenges
    .map(
      (c) =>
        `algorithm ${c.params.get('algorithm') ?? 'MD5'}, qop ${c.params.get('qop') ?? 'none'}`,
    )
    .join('; ')
  return new RequestFailure(
    'AUTH_CHALLENGE',
    `The server asks for Digest authentication Courier cannot answer (${offered}).`,
    'Courier answers Digest with MD5 or SHA-256 (and their -sess forms) and qop=auth. Ask the API owner to offer one of them, or use another auth type.',
  )
}
