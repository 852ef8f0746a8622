/**
 * Downloads what `url` points at as a file named `name` (Electron shows its save dialog):
 * the one way the renderer writes files, in both shells.
 */
export function downloadUrl(name: string, url: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}

/** Saves data held in the renderer as a file, through a download. */
export function downloadFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  downloadUrl(name, url)
  // Revoked on the next turn: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
