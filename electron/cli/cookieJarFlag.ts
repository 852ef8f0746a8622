// No imports: the command files load this for --help, before anything else runs.

/** `--cookie-jar FILE` of send and run. */
export interface CookieJarFlags {
  cookieJar?: string
}

export const COOKIE_JAR_HELP =
  "a Netscape cookie file (curl's -b/-c format): its cookies are sent where they match, and what the responses set is written back to it"
