// Types for the message functions of httpntlm's ntlm.js (the package ships none). Only what
// ntlmAuth.ts uses: the Type 1 and Type 3 messages are 'NTLM <base64>' header values.
declare module 'httpntlm/ntlm.js' {
  export interface NtlmOptions {
    username?: string
    password?: string
    domain?: string
    workstation?: string
  }
  /** A parsed Type 2 (challenge) message. */
  export interface Type2Message {
    type: number
    negotiateFlags: number
    serverChallenge: Buffer
    targetInfo?: Buffer
  }
  export function createType1Message(options: NtlmOptions): string
  /** Null (after calling back with the error) when the header holds no Type 2 message. */
  export function parseType2Message(
    header: string,
    callback: (error: Error) => void,
  ): Type2Message | null
  export function createType3Message(type2: Type2Message, options: NtlmOptions): string
}
