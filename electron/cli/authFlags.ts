import type { RequestAuth } from '../../shared/model/request'
import { UsageError } from './cliIo'

/** The auth flags of `courier send`, as commander collects them. */
export interface AuthFlags {
  basic?: string
  bearer?: string
  /** `user:password` for HTTP Digest (curl's --digest with --user, in one flag). */
  digest?: string
  /** `[DOMAIN\]user:password` for NTLM (curl's --ntlm with --user, in one flag). */
  ntlm?: string
  /** curl's `aws:amz:REGION:SERVICE`; the keys come from --user KEY:SECRET. */
  awsSigv4?: string
  /** `KEY:SECRET` for --aws-sigv4, as curl's --user. */
  user?: string
  /** The session token of temporary AWS credentials (sent as x-amz-security-token). */
  awsSessionToken?: string
}

/** `a:b` split at the first colon (a password or secret may hold more). */
function pair(text: string, flag: string, example: string): [string, string] {
  const at = text.indexOf(':')
  if (at <= 0) throw new UsageError(`${flag} "${text}" needs the form ${example}.`)
  return [text.slice(0, at), text.slice(at + 1)]
}

/** The auth the flags ask for, or null when none was given. */
export function authFromFlags(flags: AuthFlags): RequestAuth | null {
  const given = (['basic', 'bearer', 'digest', 'ntlm', 'awsSigv4'] as const).filter(
    (f) => flags[f] !== undefined,
  )
  if (given.length > 1)
    throw new UsageError('Choose one of --basic, --bearer, --digest, --ntlm and --aws-sigv4.')
  if (flags.awsSigv4 === undefined && flags.user !== undefined)
    throw new UsageError(
      '--user goes with --aws-sigv4 (use --basic, --digest or --ntlm for user:password).',
    )
  if (flags.awsSessionToken !== undefined && flags.awsSigv4 === undefined)
    throw new UsageError('--aws-session-token goes with --aws-sigv4.')
  if (flags.basic !== undefined) {
    const [username, password] = pair(flags.basic, '--basic', 'user:password')
    return { type: 'basic', username, password }
  }
  if (flags.bearer !== undefined) return { type: 'bearer', token: flags.bearer }
  if (flags.digest !== undefined) {
    const [username, password] = pair(flags.digest, '--digest', 'user:password')
    return { type: 'digest', username, password }
  }
  if (flags.ntlm !== undefined) {
    // The domain, if any, stays in the username (DOMAIN\user), as curl takes it.
    const [username, password] = pair(
      flags.ntlm,
      '--ntlm',
      'user:password or DOMAIN\\user:password',
    )
    return { type: 'ntlm', username, password, domain: '', workstation: '' }
  }
  if (flags.awsSigv4 !== undefined) return awsAuth(flags.awsSigv4, flags)
  return null
}

function awsAuth(provider: string, flags: AuthFlags): RequestAuth {
  const parts = provider.split(':')
  const [region, service] = parts.slice(2)
  if (parts.length !== 4 || parts[0] === '' || !region || !service)
    throw new UsageError(
      `--aws-sigv4 "${provider}" needs the form aws:amz:REGION:SERVICE, e.g. aws:amz:eu-west-1:execute-api.`,
    )
  if (flags.user === undefined)
    throw new UsageError('--aws-sigv4 needs --user ACCESS_KEY_ID:SECRET_ACCESS_KEY.')
  const [accessKeyId, secretAccessKey] = pair(
    flags.user,
    '--user',
    'ACCESS_KEY_ID:SECRET_ACCESS_KEY',
  )
  return {
    type: 'awsv4',
    accessKeyId,
    secretAccessKey,
    sessionToken: flags.awsSessionToken ?? '',
    region,
    service,
  }
}
