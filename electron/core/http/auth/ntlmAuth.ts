import ntlm from 'httpntlm/ntlm.js'
import type { RequestAuth } from '../../../../shared/model/request'
import { RequestFailure } from '../requestFailure'

type NtlmAuth = Extract<RequestAuth, { type: 'ntlm' }>

/** Who signs in: the user, and the domain and workstation the messages name. */
export interface NtlmIdentity {
  username: string
  password: string
  domain: string
  workstation: string
}

/**
 * The identity an NTLM auth signs in as. `DOMAIN\user` (as Windows and curl write it) names
 * the domain when the Domain field is blank; a filled Domain field wins.
 */
export function ntlmIdentity(auth: NtlmAuth): NtlmIdentity {
  const slash = auth.username.indexOf('\\')
  const split = auth.domain.trim() === '' && slash > 0
  return {
    username: split ? auth.username.slice(slash + 1) : auth.username,
    password: auth.password,
    domain: split ? auth.username.slice(0, slash) : auth.domain.trim(),
    workstation: auth.workstation.trim(),
  }
}

/** The Authorization value that opens the handshake: `NTLM <Type 1 message>`. */
export function negotiateAuthorization(id: NtlmIdentity): string {
  // httpntlm fills in blanks on the object it is given: hand it a copy.
  return ntlm.createType1Message({ ...id })
}

/** Whether an Authorization value is one of NTLM's messages. */
export const isNtlmAuthorization = (value: string) => /^NTLM\s/i.test(value)

/**
 * The Authorization value answering a 401 to the Type 1 message: `NTLM <Type 3 message>`
 * (NTLMv2 when the challenge carries target information, as every current Windows server's
 * does). Fails with AUTH_CHALLENGE when the 401 holds no NTLM challenge.
 */
export function authenticateAuthorization(id: NtlmIdentity, wwwAuthenticate: string[]): string {
  const offered = wwwAuthenticate.flatMap((v) => v.split(/,\s*(?=[A-Za-z][\w-]*(?:\s|$))/))
  const challenge = offered.map((v) => v.trim()).find((v) => /^NTLM\s+\S/i.test(v))
  if (!challenge) throw notOffered(offered)
  let problem: Error | null = null
  let type2: ReturnType<typeof ntlm.parseType2Message> = null
  try {
    type2 = ntlm.parseType2Message(`NTLM ${challenge.slice(4).trim()}`, (e) => (problem = e))
  } catch (error) {
    problem = error as Error
  }
  if (!type2 || problem)
    throw new RequestFailure(
      'AUTH_CHALLENGE',
      "The server's NTLM challenge (the Type 2 message of its 401) could not be read.",
      'The server or a proxy in between sent a damaged NTLM challenge; check that it really is an NTLM (IIS, Windows) endpoint.',
    )
  return ntlm.createType3Message(type2, { ...id })
}

/** The 401 named other schemes (or none): the server does not do NTLM here. */
function notOffered(offered: string[]): RequestFailure {
  const schemes = [...new Set(offered.map((v) => v.trim().split(/\s/)[0]).filter(Boolean))]
  const asked = schemes.length > 0 ? `it asks for ${schemes.join(', ')}` : 'it offered no scheme'
  return new RequestFailure(
    'AUTH_CHALLENGE',
    `The server answered the NTLM sign-in with 401 but no NTLM challenge (${asked}).`,
    'This endpoint does not offer NTLM: choose the auth type it asks for in the Auth tab (or check the URL).',
  )
}

/** The server answered the Type 3 message with 401 again: it did not accept who signed in. */
export function ntlmRefused(id: NtlmIdentity): RequestFailure {
  const who = id.domain ? `${id.domain}\\${id.username}` : id.username
  return new RequestFailure(
    'AUTH_CHALLENGE',
    `The server refused the NTLM sign-in as "${who}" (401 after the Type 3 message).`,
    'Check the username, password and domain in the Auth tab (the domain may also be written DOMAIN\\user). The workstation is usually not checked.',
  )
}
