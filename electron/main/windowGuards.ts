/**
 * The decisions behind the window's guards (secureWindow.ts), kept free of Electron so
 * they run in plain Node tests: what a frame may navigate to, which links open in the
 * user's browser, and which permissions a page gets.
 */

/**
 * What a sub-frame (the response preview, a sandboxed `srcdoc` iframe) may load: its own
 * inline document and nothing fetched from anywhere. The same set as the renderer's CSP
 * `frame-src` minus 'self', so a hostile response's link or `<meta refresh>` inside the
 * preview cannot load a page, not even one of ours.
 */
const SUBFRAME_SCHEMES = new Set(['about:', 'data:', 'blob:'])

/** Where a navigation was asked for. */
export interface FrameNavigation {
  /** The URL the frame wants to load. */
  url: string
  /** True for the window's top frame (the app itself), false for an iframe. */
  isMainFrame: boolean
}

/**
 * Whether a navigation may go ahead. The app's own frame never navigates: the renderer is
 * a single page, so any navigation there (a dropped file, a link, a script gone wrong)
 * would replace Courier, and the preload API with it, by another page. An iframe may only
 * show inline content.
 */
export function isAllowedNavigation(navigation: FrameNavigation): boolean {
  if (navigation.isMainFrame) return false
  const protocol = protocolOf(navigation.url)
  return protocol !== null && SUBFRAME_SCHEMES.has(protocol)
}

/**
 * The URL to hand to the user's browser for a link the page asked to open in a new
 * window, or null to drop it: only http(s), so a `file:`, `smb:` or custom-protocol link
 * cannot start a local program through `shell.openExternal`.
 */
export function externalLinkTarget(url: string): string | null {
  const protocol = protocolOf(url)
  return protocol === 'http:' || protocol === 'https:' ? url : null
}

/**
 * Whether the page gets a permission (camera, notifications, clipboard read, geolocation,
 * ...), asked or only checked. A REST client needs none of them, so every one is refused;
 * this is the one place to change should a feature ever need one.
 */
export function isPermissionGranted(_permission: string): boolean {
  return false
}

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol
  } catch {
    return null
  }
}
