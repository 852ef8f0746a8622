import * as z from 'zod'

/** Which cookie: RFC 6265 identifies one by its domain, path and name. */
export const CookieRefSchema = z.object({
  domain: z.string().min(1).max(255),
  path: z.string().min(1).max(4096),
  name: z.string().max(4096),
})
export type CookieRef = z.infer<typeof CookieRefSchema>

/** What the Cookies manager may change of a cookie. */
export const CookieEditSchema = z.object({
  value: z.string().max(16_384),
  path: z.string().startsWith('/').max(4096),
  /** ISO date; null: a session cookie. */
  expires: z.string().datetime().nullable(),
  secure: z.boolean(),
  httpOnly: z.boolean(),
})
export type CookieEdit = z.infer<typeof CookieEditSchema>

/** A cookie of a workspace's jar, as the Cookies manager shows it. */
export const StoredCookieSchema = CookieRefSchema.extend({
  value: z.string(),
  /** ISO date; null: a session cookie (kept until cleared). */
  expires: z.string().nullable(),
  secure: z.boolean(),
  httpOnly: z.boolean(),
  /** False: sent to the domain's subdomains too. */
  hostOnly: z.boolean(),
})
export type StoredCookie = z.infer<typeof StoredCookieSchema>
