import { JarCookies } from '../cookies/jarCookies'

/**
 * The cookies of one run, as newman keeps them: what a response sets (a redirect's
 * included) is sent with the later requests of the run to the hosts it belongs to
 * (RFC 6265 rules, by tough-cookie). The engine asks it at every hop; a request that sets
 * its own Cookie header keeps it untouched. `courier run --cookie-jar` hands it the jar
 * read from the file.
 */
export class RunCookies extends JarCookies {}
