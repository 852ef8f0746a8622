import * as z from 'zod'

/**
 * Where requests get their proxy: `none` (straight to the server), `environment`
 * (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY, either case), `system` (the OS
 * settings, through Electron; browser mode and the command line read the environment
 * instead), `manual` (`url`) or `pac` (the PAC file at `pacUrl`).
 */
export const ProxyModeSchema = z.enum(['none', 'environment', 'system', 'manual', 'pac'])
export type ProxyMode = z.infer<typeof ProxyModeSchema>

export const ProxySettingsSchema = z.object({
  mode: ProxyModeSchema.default('environment'),
  /**
   * The manual proxy: `http://`, `https://`, `socks4://`, `socks5://` (`socks5h://` lets the
   * proxy resolve host names), with a user name if it needs one. Its password is in the
   * secret store, never here (`passwordSaved` says whether there is one).
   */
  url: z.string().max(2048).default(''),
  passwordSaved: z.boolean().default(false),
  /** The PAC file's address (http, https or file). */
  pacUrl: z.string().max(2048).default(''),
  /** Hosts reached without the proxy, like NO_PROXY: `localhost, .corp.example, 10.0.0.0/8`. */
  noProxy: z.string().max(8192).default(''),
})
export type ProxySettings = z.infer<typeof ProxySettingsSchema>

/**
 * An update of the proxy settings. `password` goes to the secret store ('' forgets it);
 * a password written into `url` (user:password@) is moved there too.
 */
export const ProxySettingsPatchSchema = ProxySettingsSchema.omit({ passwordSaved: true })
  .partial()
  .extend({ password: z.string().max(1024).optional() })
export type ProxySettingsPatch = z.infer<typeof ProxySettingsPatchSchema>
