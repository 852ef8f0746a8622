import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CALL_NAMES, dispatchCall, type CourierService, type IpcEnvelope } from '../../shared/ipc'

/**
 * One handler per declared call: check the sender is our own window, validate the
 * arguments against the contract, delegate to the service.
 */
export function registerIpc(service: CourierService, window: () => BrowserWindow | null): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const win = window()
    return (
      win !== null &&
      event.sender === win.webContents &&
      event.senderFrame === win.webContents.mainFrame
    )
  }
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, args: unknown): Promise<IpcEnvelope> => {
      if (!trusted(event)) return { ok: false, message: `Refused ${name}: not Courier's window.` }
      try {
        return { ok: true, result: await dispatchCall(service, name, args) }
      } catch (error) {
        // Electron prefixes thrown errors with "Error invoking remote method"; an envelope
        // carries the message exactly as the service worded it.
        return { ok: false, message: error instanceof Error ? error.message : String(error) }
      }
    })
  }
}
