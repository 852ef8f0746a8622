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

/**
 * A cookie the user adds by hand (Postman's "Add cookie"): for `domain` only (host-only),
 * or, written with a leading dot, for its subdomains too, as a Domain attribute would.
 */
export const CookieNewSchema = CookieEditSchema.extend({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/,
      'The domain is a host name such as api.example.com (no scheme, port or path)',
    )
    .max(255),
  name: z
    .string()
    .trim()
    .min(1, 'Give the cookie a name')
    .max(4096)
    .regex(/^[^\s;=,]+$/, 'A cookie name has no spaces, ";", "=" or ","'),
  value: z
    .string()
    .max(16_384)
    .regex(/^[^;\r\n]*$/, 'A cookie value has no ";" or line breaks'),
})
export type CookieNew = z.infer<typeof CookieNewSchema>

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
